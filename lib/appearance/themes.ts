import { AA_TEXT, contrastRatio } from "@/lib/appearance/contrast";

// The built-in themes and the colours each gives its light and dark page. The colours are the one
// truth for both the stylesheet (lib/appearance/style.ts writes them as custom properties) and
// the accent check (lib/validation/appearance.ts checks an accent against this theme's page and
// surfaces), so a theme cannot change a background without the check seeing it.

export type Scheme = "light" | "dark";

interface Palette {
  /** The page's background. */
  paper: string;
  /** Cards, form fields and anything else that sits on the page with its own background. */
  surface: string;
  ink: string;
  muted: string;
  rule: string;
  error: string;
  mark: string;
}

interface ThemeChoice {
  label: string;
  description: string;
  palettes: Record<Scheme, Palette>;
}

export const THEMES = {
  SIMPLE: {
    label: "Simple",
    description: "The classic two columns: title, posts under their dates, a sidebar of gadgets.",
    palettes: {
      light: { paper: "#fdfcf9", surface: "#ffffff", ink: "#1f2328", muted: "#4f5761", rule: "#d9d4c7", error: "#9b1c1c", mark: "#fbe7a1" },
      dark: { paper: "#17181a", surface: "#202225", ink: "#e8e6e3", muted: "#a9b0b8", rule: "#3a3d42", error: "#ff9b8f", mark: "#5c4a00" },
    },
  },
  POSTCARD: {
    label: "Postcard",
    description: "A wide header image over the blog's title, and each post on a card of its own.",
    palettes: {
      light: { paper: "#eceff3", surface: "#ffffff", ink: "#1c2126", muted: "#4a535e", rule: "#cfd5dc", error: "#9b1c1c", mark: "#fbe7a1" },
      dark: { paper: "#101317", surface: "#1d2229", ink: "#e6e8eb", muted: "#a7afb9", rule: "#343b44", error: "#ff9b8f", mark: "#5c4a00" },
    },
  },
  TYPESET: {
    label: "Typeset",
    description: "One quiet column of well-set text, the sidebar below it, nothing else.",
    palettes: {
      light: { paper: "#ffffff", surface: "#ffffff", ink: "#111111", muted: "#575757", rule: "#dddddd", error: "#9b1c1c", mark: "#fbe7a1" },
      dark: { paper: "#121212", surface: "#121212", ink: "#ececec", muted: "#a8a8a8", rule: "#333333", error: "#ff9b8f", mark: "#5c4a00" },
    },
  },
} as const satisfies Record<string, ThemeChoice>;

export type ThemeId = keyof typeof THEMES;
export const THEME_IDS = Object.keys(THEMES) as [ThemeId, ...ThemeId[]];

const INKS = ["#ffffff", "#111111"] as const;

/** The text colour on an accent-coloured button: whichever of white and near-black stands out more. */
export function inkOn(accent: string): string {
  return [...INKS].sort((a, b) => contrastRatio(accent, b) - contrastRatio(accent, a))[0]!;
}

/** Where an accent is used on a theme's page in one scheme: as text on the page and surfaces, and as a button's background. */
export interface AccentShortfall {
  against: "page" | "cards and fields" | "button text";
  ratio: number;
}

/** The first place an accent falls short of WCAG AA in this theme and scheme, or null when it passes everywhere. */
export function accentShortfall(theme: ThemeId, scheme: Scheme, accent: string): AccentShortfall | null {
  const { paper, surface } = THEMES[theme].palettes[scheme];
  const checks: AccentShortfall[] = [
    { against: "page", ratio: contrastRatio(accent, paper) },
    { against: "cards and fields", ratio: contrastRatio(accent, surface) },
    { against: "button text", ratio: contrastRatio(accent, inkOn(accent)) },
  ];
  return checks.find(({ ratio }) => ratio < AA_TEXT) ?? null;
}
