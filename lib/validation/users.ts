import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/validation/posts";
import { text } from "@/lib/validation/text";

const userId = z.string().trim().min(1).max(64);

export const ROLES = ["READER", "AUTHOR", "ADMIN"] as const;

export const changeRoleSchema = z.object({ userId, role: z.enum(ROLES, { message: "Choose a role: reader, author or admin." }) });

export const setDisabledSchema = z.object({ userId, disabled: z.enum(["true", "false"]).transform((value) => value === "true") });

/** The People page's query string: a search over names and emails. */
export const userSearchSchema = text().trim().max(200).catch("");

/**
 * An author page's address part (/profile/<slug>), as lib/users/slugs.ts makes them: a slug of at
 * most 80 characters with a "-2" or such after it, within the 100 the author page's route takes.
 */
export const authorSlug = z
  .string()
  .max(100, { message: "must be at most 100 characters long" })
  .regex(SLUG_PATTERN, { message: "must be lowercase letters and digits with single hyphens between them (such as maggie-stone)" });
