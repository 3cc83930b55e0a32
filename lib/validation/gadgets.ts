import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { wholeNumber } from "@/lib/validation/settings";
import { checkbox, text } from "@/lib/validation/text";

// Layout gadgets (Blogger's Layout page): each kind's settings, as a form sends them and as the
// Gadget row keeps them (one schema reads both), and the layout page's other forms.

export const GADGET_AREAS = ["SIDEBAR", "FOOTER"] as const;
export type GadgetAreaName = (typeof GADGET_AREAS)[number];

export const GADGET_KINDS = ["PROFILE", "ARCHIVE", "LABELS", "POPULAR_POSTS", "LINK_LIST", "TEXT", "HTML", "SUBSCRIBE", "SEARCH"] as const;
export type GadgetKindName = (typeof GADGET_KINDS)[number];

/** The periods a popular-posts gadget counts comments over, in days; 0 is all time. */
export const POPULAR_PERIODS = [7, 30, 365, 0] as const;
export const MAX_POPULAR_COUNT = 10;
export const MAX_LINKS = 30;
/** The most gadgets an area holds: as many as a drop may reorder. */
export const MAX_AREA_GADGETS = 100;

/** A link a gadget shows: to a page of this blog ("/p/about") or a web address; nothing a browser would run. */
const linkTarget = text()
  .trim()
  .max(2000, { message: "Keep an address to 2,000 characters." })
  .refine((value) => /^\/(?!\/)/.test(value) || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)), {
    message: "Give a web address starting with https:// or http://, or a path on this blog starting with /.",
  });

/** The Link list's lines as its textarea sends them: "Name | address", one a line. */
function linesToLinks(value: unknown) {
  if (typeof value !== "string") return value;
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bar = line.lastIndexOf("|");
      return bar < 0 ? { text: line, url: "" } : { text: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
    });
}

const link = z.object({
  text: text().trim().min(1, { message: "Each line needs a name before its |." }).max(100, { message: "Keep a link's name to 100 characters." }),
  url: linkTarget,
});

/** An uploaded image's id, or none. */
const photoId = z.union([z.literal(""), z.string().regex(/^[\w-]{1,64}$/, { message: "Choose a photo from the list." })]);

export const gadgetConfigSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("PROFILE"),
    photoId: photoId.default(""),
    text: text().trim().max(2000, { message: "Keep the text to 2,000 characters." }).default(""),
    linkUrl: z.union([z.literal(""), linkTarget]).default(""),
    linkText: text().trim().max(100, { message: "Keep the link's words to 100 characters." }).default(""),
  }),
  z.object({ kind: z.literal("ARCHIVE"), style: z.enum(["HIERARCHY", "FLAT", "DROPDOWN"], { message: "Choose how the archive shows." }) }),
  z.object({
    kind: z.literal("LABELS"),
    display: z.enum(["LIST", "CLOUD"], { message: "Choose a list or a cloud." }),
    sort: z.enum(["NAME", "COUNT"], { message: "Choose how labels are sorted." }),
  }),
  z.object({
    kind: z.literal("POPULAR_POSTS"),
    days: z.coerce.number().refine((days) => (POPULAR_PERIODS as readonly number[]).includes(days), { message: "Choose a period from the list." }),
    count: wholeNumber("The number of posts", 1, MAX_POPULAR_COUNT),
  }),
  z.object({
    kind: z.literal("LINK_LIST"),
    links: z.preprocess(linesToLinks, z.array(link).max(MAX_LINKS, { message: `Keep the list to ${MAX_LINKS} links.` })),
  }),
  z.object({ kind: z.literal("TEXT"), text: text().trim().max(5000, { message: "Keep the text to 5,000 characters." }) }),
  z.object({ kind: z.literal("HTML"), html: text().trim().max(20_000, { message: "Keep the HTML to 20,000 characters." }) }),
  z.object({ kind: z.literal("SUBSCRIBE"), comments: checkbox }),
  z.object({ kind: z.literal("SEARCH") }),
]);

export type GadgetConfig = z.infer<typeof gadgetConfigSchema>;
/** What a Gadget row keeps: the settings without the kind, which is its own column. */
export function storedConfig(config: GadgetConfig): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(config).filter(([key]) => key !== "kind"));
}

export type ConfigOf<Kind extends GadgetKindName> = Extract<GadgetConfig, { kind: Kind }>;

/** What a gadget starts with when it is added: Blogger's defaults, each valid as it is. */
export const NEW_GADGET_CONFIG: { [Kind in GadgetKindName]: ConfigOf<Kind> } = {
  PROFILE: { kind: "PROFILE", photoId: "", text: "", linkUrl: "", linkText: "" },
  ARCHIVE: { kind: "ARCHIVE", style: "HIERARCHY" },
  LABELS: { kind: "LABELS", display: "LIST", sort: "NAME" },
  POPULAR_POSTS: { kind: "POPULAR_POSTS", days: 30, count: 5 },
  LINK_LIST: { kind: "LINK_LIST", links: [] },
  TEXT: { kind: "TEXT", text: "" },
  HTML: { kind: "HTML", html: "" },
  SUBSCRIBE: { kind: "SUBSCRIBE", comments: true },
  SEARCH: { kind: "SEARCH" },
};

const gadgetId = z.string().trim().min(1).max(64);
const area = z.enum(GADGET_AREAS, { message: "Choose the sidebar or the footer." });
/** A gadget's own heading; empty for its kind's. */
export const gadgetTitle = text().trim().max(100, { message: "Keep the title to 100 characters." }).default("");

export const addGadgetSchema = z.object({ kind: z.enum(GADGET_KINDS, { message: "Choose a kind of gadget." }), area });

/** The edit form: the gadget, its title, and its kind's settings (the kind must be the row's own). */
export const saveGadgetSchema = z.object({ id: gadgetId, title: gadgetTitle }).and(gadgetConfigSchema);
export type SaveGadgetInput = z.infer<typeof saveGadgetSchema>;

export const removeGadgetSchema = z.object({ id: gadgetId });

export const MOVES = ["UP", "DOWN", "OTHER_AREA"] as const;
export const moveGadgetSchema = z.object({ id: gadgetId, move: z.enum(MOVES) });

/** A drop: the area's gadgets in their new order, every one of them once. */
export const reorderGadgetsSchema = z.object({
  area,
  ids: z
    .array(gadgetId)
    .min(1)
    .max(MAX_AREA_GADGETS)
    .refine((ids) => new Set(ids).size === ids.length, { message: "A gadget was listed twice." }),
});

/** The archive dropdown's answer: a year ("2011") or a month ("2011/09") with posts. */
export const archivePeriodSchema = z.string().regex(/^\d{4}(?:\/(?:0[1-9]|1[0-2]))?$/);

/** The dashboard's names for the kinds and areas (the dashboard is in English). */
export const GADGET_KIND_NAMES: Record<GadgetKindName, string> = {
  PROFILE: "Profile (About me)",
  ARCHIVE: "Blog archive",
  LABELS: "Labels",
  POPULAR_POSTS: "Popular posts",
  LINK_LIST: "Link list",
  TEXT: "Text",
  HTML: "HTML",
  SUBSCRIBE: "Subscribe links",
  SEARCH: "Search box",
};
export const GADGET_AREA_NAMES: Record<GadgetAreaName, string> = { SIDEBAR: "sidebar", FOOTER: "footer" };

/** How the dashboard names a gadget: its title, else its kind. */
export const gadgetName = ({ title, kind }: { title: string; kind: GadgetKindName }) => (title ? `“${title}”` : GADGET_KIND_NAMES[kind]);
