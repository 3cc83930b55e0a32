import { z } from "zod";
import { AA_TEXT, formatRatio, HEX_COLOUR } from "@/lib/appearance/contrast";
import { FONT_IDS, type FontId } from "@/lib/appearance/fonts";
import { accentShortfall, THEME_IDS, THEMES, type Scheme, type ThemeId } from "@/lib/appearance/themes";

const colour = (which: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(HEX_COLOUR, { message: `Give the ${which} accent as a hex colour such as #8a3b12.` });

const font = z.enum(FONT_IDS, { message: "Choose a font from the list." });

// An upload's id, or nothing ("" from the form's "None", null once parsed). That it names an
// upload is checked against the database on save (lib/appearance/store.ts).
const image = z
  .string()
  .trim()
  .max(64, { message: "Choose an image from the list." })
  .regex(/^[a-z0-9]*$/, { message: "Choose an image from the list." })
  .nullable()
  .transform((id) => id || null);

const ACCENT_FIELD = { light: "accentLight", dark: "accentDark" } as const satisfies Record<Scheme, string>;
const ADVICE = { light: "choose a darker colour", dark: "choose a lighter colour" } as const satisfies Record<Scheme, string>;

/** Why an accent fails in this scheme, naming the ratio and what it was measured against; null when it passes. */
function accentRefusal(theme: ThemeId, scheme: Scheme, accent: string): string | null {
  const shortfall = accentShortfall(theme, scheme, accent);
  if (!shortfall) return null;
  const where = shortfall.against === "button text" ? "against its button text" : `against the ${THEMES[theme].label} theme's ${scheme} ${shortfall.against}`;
  const advice = shortfall.against === "button text" ? "choose a darker or lighter colour" : ADVICE[scheme];
  return `The ${scheme} accent ${accent} has a contrast of ${formatRatio(shortfall.ratio)} ${where}; WCAG AA needs ${AA_TEXT}:1, so ${advice}.`;
}

export const appearanceSchema = z
  .object({
    theme: z.enum(THEME_IDS, { message: "Choose a theme from the list." }),
    accentLight: colour("light"),
    accentDark: colour("dark"),
    headingFont: font,
    bodyFont: font,
    headerImageId: image,
    faviconId: image,
  })
  .superRefine((appearance, context) => {
    for (const scheme of ["light", "dark"] as const) {
      const field = ACCENT_FIELD[scheme];
      const refusal = accentRefusal(appearance.theme, scheme, appearance[field]);
      if (refusal) context.addIssue({ code: "custom", path: [field], message: refusal });
    }
  });

export type AppearanceInput = z.infer<typeof appearanceSchema>;
export type AppearanceField = keyof AppearanceInput;

/** What a blog looks like before any appearance is saved: the Appearance row's column defaults (prisma/schema.prisma). */
export const APPEARANCE_DEFAULTS: AppearanceInput = {
  theme: "SIMPLE",
  accentLight: "#8a3b12",
  accentDark: "#f0a878",
  headingFont: "system-serif" satisfies FontId,
  bodyFont: "system-serif" satisfies FontId,
  headerImageId: null,
  faviconId: null,
};

/** A stored appearance as reader pages draw it: a row that no longer reads (a font taken off the list since) gives the defaults rather than breaking pages. */
export function appearanceOrDefaults(row: unknown): AppearanceInput {
  const valid = appearanceSchema.safeParse(row);
  return valid.success ? valid.data : APPEARANCE_DEFAULTS;
}
