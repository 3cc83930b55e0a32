import "server-only";
import { z } from "zod";
import { isStorageKey } from "../../uploads/storage";
import { DEFAULT_LOCALE, LOCALES } from "../../messages";
import { BIO_MAX } from "../../validation/accounts";
import { appearanceSchema as appSchema } from "../../validation/appearance";
import { GADGET_AREAS, GADGET_KINDS, gadgetConfigSchema, gadgetTitle } from "../../validation/gadgets";
import { authorSlug } from "../../validation/users";

// The elements of a Longhand JSON export, as lib/transfer/longhand-export.schema.json describes
// them (the two must agree: tests/transfer-json.test.ts checks exports against that file). Times
// come out as UTC ISO strings, however the file wrote their offset: cast to Prisma's zoneless
// timestamp(3) columns, PostgreSQL drops the "Z" and keeps the UTC time, whatever the session's zone.

const id = z.string().min(1).max(200);
const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const nullableTimestamp = timestamp.nullable();
const nullableString = z.string().nullable();
const entryStatus = z.enum(["DRAFT", "SCHEDULED", "PUBLISHED"]);

export const FORMAT_NAME = "longhand-export";

// Each version's elements are read into the newest version's shapes (the types below): an older
// version's schema fills in what it lacks (lib/transfer/import/json-formats.ts pairs them up).

const settingsFieldsV1 = {
  blogTitle: z.string(),
  description: z.string(),
  postsPerPage: z.int().min(1).max(100),
  timeZone: z.string().min(1),
  // Files written before the blog had a language have none: the blog's default then.
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  commentPermission: z.enum(["SIGNED_IN", "ANYONE", "NOBODY"]),
  commentModeration: z.enum(["NEVER", "ALWAYS", "OLDER_POSTS", "FIRST_COMMENT"]),
  moderateAfterDays: z.int().min(0),
};

export const settingsSchemaV1 = z.strictObject(settingsFieldsV1).nullable();

/** Version 2's settings: version 1's, then those added since (settingsSchemaV1 must then give each its default). */
export const settingsSchema = z.strictObject({ ...settingsFieldsV1 }).nullable();

const userFieldsV1 = {
  id,
  name: z.string(),
  email: z.string().min(3),
  emailVerified: nullableTimestamp,
  image: nullableString,
  role: z.enum(["READER", "AUTHOR", "ADMIN"]),
  disabledAt: nullableTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
};

/** Version 1 had no author pages nor notices: the restore makes a slug from the name, as at sign-up. */
export const userSchemaV1 = z.strictObject(userFieldsV1).transform((user) => ({ ...user, slug: null, bio: "", commentNotices: true }));

export const userSchema = z.strictObject({
  ...userFieldsV1,
  // Null for an account that has no author page (made outside the app): the restore makes one.
  slug: authorSlug.nullable(),
  bio: z.string().max(BIO_MAX),
  commentNotices: z.boolean(),
});

export const labelSchema = z.strictObject({ id, name: z.string().min(1), slug: z.string().min(1), createdAt: timestamp });

const revisionSchema = z.strictObject({
  id,
  authorId: id,
  kind: z.enum(["EDIT", "PUBLISH", "RESTORE"]),
  title: z.string(),
  bodyHtml: z.string(),
  excerpt: nullableString,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const postSchema = z.strictObject({
  id,
  title: z.string(),
  slug: z.string(),
  permalink: nullableString,
  bodyHtml: z.string(),
  excerpt: nullableString,
  status: entryStatus,
  publishedAt: nullableTimestamp,
  commentsOpen: z.boolean(),
  authorId: id,
  version: z.int().min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
  trashedAt: nullableTimestamp,
  importKey: nullableString,
  featuredImageId: id.nullable(),
  labelIds: z.array(id).refine((ids) => new Set(ids).size === ids.length, "must not name a label twice"),
  revisions: z.array(revisionSchema),
});

export const pageSchema = z.strictObject({
  id,
  title: z.string(),
  slug: z.string().min(1),
  bodyHtml: z.string(),
  status: entryStatus,
  publishedAt: nullableTimestamp,
  authorId: id,
  version: z.int().min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
  importKey: nullableString,
});

export const commentSchema = z.strictObject({
  id,
  postId: id,
  parentId: id.nullable(),
  userId: id.nullable(),
  authorName: nullableString,
  authorUrl: nullableString,
  authorEmail: nullableString,
  bodyHtml: z.string(),
  status: z.enum(["VISIBLE", "PENDING", "SPAM", "DELETED"]),
  idempotencyKey: z.string().min(1),
  createdAt: timestamp,
  editedAt: nullableTimestamp,
  removedBy: z.enum(["AUTHOR", "MODERATOR"]).nullable(),
});

export const commentSubscriptionSchema = z.strictObject({
  id,
  postId: id,
  email: z.string().min(3),
  createdAt: timestamp,
  unsubscribedAt: nullableTimestamp,
});

export const redirectSchema = z.strictObject({
  id,
  fromPath: z.string().startsWith("/", "must start with /"),
  toPath: z.string().startsWith("/", "must start with /"),
  createdAt: timestamp,
});

export const uploadSchema = z.strictObject({
  id,
  storageKey: z.string().refine(isStorageKey, "must be a storage key such as 2026/11/k3j2h4g5.png"),
  mimeType: z.enum(["image/png", "image/jpeg", "image/webp", "image/gif"]),
  byteSize: z.int().min(0),
  width: z.int().min(0),
  height: z.int().min(0),
  originalName: z.string(),
  widths: z.array(z.int().min(1)),
  sourceUrl: nullableString,
  uploaderId: id,
  createdAt: timestamp,
});

/** Checked as the Appearance page checks it (accents must pass contrast); null when the blog never saved one. */
export const appearanceSchema = appSchema.strict().nullable();

/** A layout gadget; its config is the Gadget row's (the kind's settings without the kind), read by the kind's own schema. */
export const gadgetSchema = z
  .strictObject({
    id,
    area: z.enum(GADGET_AREAS),
    position: z.int().min(0),
    kind: z.enum(GADGET_KINDS),
    title: gadgetTitle,
    config: z.record(z.string(), z.unknown()),
  })
  .transform((gadget, context) => {
    const config = gadgetConfigSchema.safeParse({ ...gadget.config, kind: gadget.kind });
    if (config.success) return { ...gadget, config: config.data };
    for (const issue of config.error.issues) context.addIssue({ code: "custom", path: ["config", ...issue.path], message: issue.message, input: gadget.config });
    return z.NEVER;
  });

export type ExportedSettings = NonNullable<z.output<typeof settingsSchema>>;
export type ExportedUser = z.output<typeof userSchema>;
export type ExportedLabel = z.output<typeof labelSchema>;
export type ExportedPost = z.output<typeof postSchema>;
export type ExportedPage = z.output<typeof pageSchema>;
export type ExportedComment = z.output<typeof commentSchema>;
export type ExportedCommentSubscription = z.output<typeof commentSubscriptionSchema>;
export type ExportedRedirect = z.output<typeof redirectSchema>;
export type ExportedUpload = z.output<typeof uploadSchema>;
export type ExportedAppearance = NonNullable<z.output<typeof appearanceSchema>>;
export type ExportedGadget = z.output<typeof gadgetSchema>;

/** `where` ("posts[12]") and what is wrong with it, as a person fixing the file would want to read it. */
export function describeIssue(where: string, issue: z.core.$ZodIssue, element: unknown): string {
  const path = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
  return `${where}${path} ${issueText(issue, valueAt(element, issue.path))}`;
}

function issueText(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined ? "is missing" : `must be ${issue.expected === "int" ? "a whole number" : `${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`}`;
    case "invalid_value":
      return `must be ${orList(issue.values.map((option) => (option === null ? "null" : String(option))))}`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "a field" : "fields"} the format does not have: ${issue.keys.join(", ")}`;
    case "invalid_format":
      return issue.format === "datetime" ? "must be an ISO 8601 date and time (2011-09-08T10:00:00.000Z)" : issue.message;
    case "too_small":
      return `must be at least ${String(issue.minimum)}${issue.origin === "string" ? " characters long" : ""}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}${issue.origin === "string" ? " characters long" : ""}`;
    default:
      return issue.message;
  }
}

export function orList(options: string[]): string {
  return options.length < 2 ? (options[0] ?? "") : `${options.slice(0, -1).join(", ")} or ${options.at(-1)}`;
}

function valueAt(element: unknown, path: PropertyKey[]): unknown {
  let value = element;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
