import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/messages";
import { text } from "@/lib/validation/text";

/**
 * The time zones the settings page offers: the runtime's IANA list, plus "UTC" (the default),
 * which Intl lists only under its canonical name.
 */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
const knownTimeZones = new Set(TIME_ZONES);

export const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label} must be a number.` })
    .int({ message: `${label} must be a whole number.` })
    .min(min, { message: `${label} must be between ${min} and ${max}.` })
    .max(max, { message: `${label} must be between ${min} and ${max}.` });

export const blogSettingsSchema = z.object({
  blogTitle: text().trim().min(1, { message: "Give the blog a title." }).max(100, { message: "Keep the title to 100 characters." }),
  description: text().trim().max(500, { message: "Keep the description to 500 characters." }).default(""),
  postsPerPage: wholeNumber("Posts per page", 1, 50),
  timeZone: z.string().refine((zone) => knownTimeZones.has(zone), { message: "Choose a time zone from the list." }),
  locale: z.enum(LOCALES, { message: "Choose a language from the list." }),
  commentPermission: z.enum(["SIGNED_IN", "ANYONE", "NOBODY"], { message: "Choose who may comment." }),
  commentModeration: z.enum(["NEVER", "ALWAYS", "OLDER_POSTS", "FIRST_COMMENT"], { message: "Choose when comments wait for a moderator." }),
  moderateAfterDays: wholeNumber("The number of days", 1, 3650),
});

export type BlogSettingsInput = z.infer<typeof blogSettingsSchema>;
export type BlogSettingsField = keyof BlogSettingsInput;

/** What a blog has before any settings are saved: the Setting row's own column defaults (prisma/schema.prisma). */
export const SETTINGS_DEFAULTS: BlogSettingsInput = {
  blogTitle: "Longhand",
  description: "",
  postsPerPage: 7,
  timeZone: "UTC",
  locale: DEFAULT_LOCALE,
  commentPermission: "SIGNED_IN",
  commentModeration: "NEVER",
  moderateAfterDays: 14,
};
