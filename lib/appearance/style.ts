import { HEX_COLOUR } from "@/lib/appearance/contrast";
import { FONTS, fontFaces } from "@/lib/appearance/fonts";
import { inkOn, THEMES } from "@/lib/appearance/themes";
import type { AppearanceInput } from "@/lib/validation/appearance";

// The reader pages' inline stylesheet: the theme's colours, the accent and the fonts as custom
// properties that app/globals.css and app/themes.css draw with. It is written only from values
// that passed lib/validation/appearance.ts, and checked once more here (colours by pattern, fonts
// and themes by lookup), so no saved or previewed value can carry CSS of its own.

function colour(hex: string): string {
  if (!HEX_COLOUR.test(hex)) throw new Error(`Not a colour: ${JSON.stringify(hex)}`);
  return hex;
}

const lightDark = (light: string, dark: string) => `light-dark(${colour(light)},${colour(dark)})`;

/** The CSS for one appearance. `:root:root` outranks app/globals.css's defaults wherever the browser puts this. */
export function appearanceCss({ theme, accentLight, accentDark, headingFont, bodyFont }: AppearanceInput): string {
  const { light, dark } = THEMES[theme].palettes;
  const properties = {
    ...Object.fromEntries(Object.keys(light).map((name) => [name, lightDark(light[name as keyof typeof light], dark[name as keyof typeof dark])])),
    accent: lightDark(accentLight, accentDark),
    "accent-ink": lightDark(inkOn(accentLight), inkOn(accentDark)),
    "heading-font": FONTS[headingFont].stack,
    "body-font": FONTS[bodyFont].stack,
    measure: FONTS[bodyFont].measure,
  };
  const declarations = Object.entries(properties)
    .map(([name, value]) => `--${name}:${value}`)
    .join(";");
  return `${fontFaces([headingFont, bodyFont])}:root:root{color-scheme:light dark;${declarations}}`;
}
