import { z } from "zod";
import { text } from "@/lib/validation/text";

const userId = z.string().trim().min(1).max(64);

export const ROLES = ["READER", "AUTHOR", "ADMIN"] as const;

export const changeRoleSchema = z.object({ userId, role: z.enum(ROLES, { message: "Choose a role: reader, author or admin." }) });

export const setDisabledSchema = z.object({ userId, disabled: z.enum(["true", "false"]).transform((value) => value === "true") });

/** The People page's query string: a search over names and emails. */
export const userSearchSchema = text().trim().max(200).catch("");
