// The fonts an admin may choose for headings and body text: the reader's own system fonts, or one
// of the self-hosted families from @fontsource packages (served by app/fonts/[file]/route.ts, so a
// page asks no other site for anything). Only the Latin and Latin Extended faces are offered: the
// blog's languages (lib/messages.ts) are written in them.

interface FontChoice {
  label: string;
  /** The CSS font-family list: the family first, then what stands in while it loads. */
  stack: string;
  /**
   * The width of a line of body text that holds 60 to 75 characters in this font (measured in
   * Chromium: some 65 to 72 of running English); a wide font needs fewer ems than a narrow one.
   */
  measure: `${number}em`;
  /** The @fontsource package (and file prefix) of a self-hosted family; none for system fonts. */
  fontsource?: { family: string; package: string };
}

const SERIF_FALLBACK = `Georgia, "Times New Roman", serif`;
const SANS_FALLBACK = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;

const hosted = (family: string, packageName: string, fallback: string, measure: FontChoice["measure"]): FontChoice => ({
  label: family,
  stack: `"${family}", ${fallback}`,
  measure,
  fontsource: { family, package: packageName },
});

export const FONTS = {
  "system-serif": { label: "System serif (Georgia)", stack: SERIF_FALLBACK, measure: "34em" },
  "system-sans": { label: "System sans-serif", stack: SANS_FALLBACK, measure: "34em" },
  lora: hosted("Lora", "lora", SERIF_FALLBACK, "31.5em"),
  merriweather: hosted("Merriweather", "merriweather", SERIF_FALLBACK, "33em"),
  "source-serif-4": hosted("Source Serif 4", "source-serif-4", SERIF_FALLBACK, "35em"),
  inter: hosted("Inter", "inter", SANS_FALLBACK, "33em"),
  "ibm-plex-sans": hosted("IBM Plex Sans", "ibm-plex-sans", SANS_FALLBACK, "30em"),
  "atkinson-hyperlegible": hosted("Atkinson Hyperlegible", "atkinson-hyperlegible", SANS_FALLBACK, "30.5em"),
} as const satisfies Record<string, FontChoice>;

export type FontId = keyof typeof FONTS;
export const FONT_IDS = Object.keys(FONTS) as [FontId, ...FontId[]];

const SUBSETS = {
  latin: "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  "latin-ext": "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
} as const;
const FACES = [
  { weight: 400, style: "normal" },
  { weight: 400, style: "italic" },
  { weight: 700, style: "normal" },
  { weight: 700, style: "italic" },
] as const;

/** The address of one face's file, as app/fonts/[file]/route.ts serves it. */
const faceFile = (packageName: string, subset: string, weight: number, style: string) => `${packageName}-${subset}-${weight}-${style}.woff2`;

/** Every font file a reader page may ask for, by its name in the address, with its package. */
export const FONT_FILES: ReadonlyMap<string, string> = new Map(
  Object.values(FONTS).flatMap((font: FontChoice) =>
    font.fontsource
      ? Object.keys(SUBSETS).flatMap((subset) => FACES.map(({ weight, style }) => [faceFile(font.fontsource!.package, subset, weight, style), font.fontsource!.package] as const))
      : [],
  ),
);

/**
 * The @font-face rules for the chosen fonts: each subset's unicode-range lets a browser fetch only
 * the files the page's text needs, and a system font needs none.
 */
export function fontFaces(fontIds: readonly FontId[]): string {
  return [...new Set(fontIds)]
    .flatMap((id) => {
      const { fontsource } = FONTS[id] as FontChoice;
      if (!fontsource) return [];
      return Object.entries(SUBSETS).flatMap(([subset, range]) =>
        FACES.map(
          ({ weight, style }) =>
            `@font-face{font-family:"${fontsource.family}";font-style:${style};font-weight:${weight};font-display:swap;` +
            `src:url(/fonts/${faceFile(fontsource.package, subset, weight, style)}) format("woff2");unicode-range:${range}}`,
        ),
      );
    })
    .join("");
}
