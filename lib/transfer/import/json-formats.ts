import "server-only";
import type { z } from "zod";
import {
  appearanceSchema,
  commentSchema,
  commentSubscriptionSchema,
  gadgetSchema,
  labelSchema,
  pageSchema,
  postSchema,
  redirectSchema,
  settingsSchema,
  settingsSchemaV1,
  uploadSchema,
  userSchema,
  userSchemaV1,
  type ExportedAppearance,
  type ExportedSettings,
} from "./json-elements";

// Every version of the Longhand JSON export this Longhand reads, and what each holds after its
// header. A new version is one more entry in FORMATS; a setting or section added to the newest
// version goes into its schemas below, and the older versions must then say what stands in for it
// (the types refuse them until they do). The exporter writes the newest version from the same list.

/** The sections of the newest version, in the order the file has them (parents before what refers to them). */
const NEWEST_SECTIONS = {
  users: userSchema,
  labels: labelSchema,
  posts: postSchema,
  pages: pageSchema,
  comments: commentSchema,
  commentSubscriptions: commentSubscriptionSchema,
  redirects: redirectSchema,
  uploads: uploadSchema,
  // After the uploads: a profile gadget's photo is one of them.
  gadgets: gadgetSchema,
};

export type SectionName = keyof typeof NEWEST_SECTIONS;
export const SECTION_NAMES = Object.keys(NEWEST_SECTIONS) as SectionName[];

/** A section's element as the restore writes it (the newest version's shape, whichever version the file is). */
export type SectionElement<Name extends SectionName> = z.output<(typeof NEWEST_SECTIONS)[Name]>;
/** A section's element as the exporter writes it. */
export type WrittenElement<Name extends SectionName> = z.input<(typeof NEWEST_SECTIONS)[Name]>;
export type WrittenSettings = z.input<typeof settingsSchema>;
export type WrittenAppearance = z.input<typeof appearanceSchema>;

/** Reads a version's value into the newest version's shape. */
type Reads<Output> = z.ZodType<Output, unknown>;

export interface Format {
  settings: Reads<ExportedSettings | null>;
  /** The blog's looks, after the settings; a version without it leaves the blog's as they are. */
  appearance?: Reads<ExportedAppearance | null>;
  /** The version's sections in the order the file has them; a section it does not have is left out. */
  sections: { [Name in SectionName]?: Reads<SectionElement<Name>> };
}

export const FORMATS = {
  1: {
    settings: settingsSchemaV1,
    sections: { users: userSchemaV1, labels: labelSchema, posts: postSchema, pages: pageSchema, comments: commentSchema, redirects: redirectSchema, uploads: uploadSchema },
  },
  // Authors' page addresses, bios and notice choices, readers' comment subscriptions, and the
  // blog's appearance and layout gadgets.
  2: { settings: settingsSchema, appearance: appearanceSchema, sections: NEWEST_SECTIONS },
} satisfies Record<number, Format>;

export const FORMAT_VERSION = 2 satisfies keyof typeof FORMATS;

/** The format of a file's "version", or undefined when this Longhand does not read it. */
export function formatOf(version: unknown): Format | undefined {
  return typeof version === "number" && Object.hasOwn(FORMATS, version) ? FORMATS[version as keyof typeof FORMATS] : undefined;
}
