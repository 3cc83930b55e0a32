import { z } from "zod";
import { DEFAULT_LOCALE, messagesFor, type Messages } from "@/lib/messages";
import { displayNameIn, emailIn } from "@/lib/validation/people";
import { checkbox, text } from "@/lib/validation/text";

const id = z.string().trim().min(1).max(64);
/** An empty form field means "none". */
const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), id.optional());

/** The longest comment, counted after trimming; the forms' text boxes stop there too (maxLength). */
export const COMMENT_MAX_LENGTH = 4096;

type Refusals = Messages["refusals"];

/** A comment's text, its refusals in `words`' language. */
const commentBodyIn = (words: Refusals) =>
  text({ message: words.writeFirst })
    // A form sends each line break as \r\n while the text box's maxLength counted it once.
    .overwrite((typed) => typed.replace(/\r\n?/g, "\n"))
    .trim()
    .min(1, { message: words.writeFirst })
    .max(COMMENT_MAX_LENGTH, { error: (issue) => words.tooLong(String(issue.input).length) });

// Only used to come back to the post (after signing in, or to a note on a refused comment), so
// only a permalink's shape is accepted: never a way to send a reader off the site.
export const permalinkSchema = z.string().regex(/^\/\d{4}\/\d{2}\/[\w-]+$/);

/** A blank optional field means "not given". */
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** The longest web address a guest may give. */
export const GUEST_URL_MAX_LENGTH = 2000;

function commentSchemasFor({ refusals: words }: Messages) {
  const body = commentBodyIn(words);
  const newComment = z.object({
    postId: id,
    parentId: optionalId,
    body,
    formKey: z.string().max(100).default(""),
    // The honeypot: a field people never see or fill in.
    website: z.string().max(2000).default(""),
    // "Notify me": hear of the post's new comments by email.
    notify: checkbox,
  });
  /**
   * The comment form of a blog open to ANYONE: a new comment's fields and, from a guest, their name
   * (required by the action once it knows nobody is signed in), and optionally their web site (shown
   * as a link on their name, so only http and https) and an email address that is never shown. A
   * signed-in reader's form has none of these: they comment as their account.
   */
  const guestComment = newComment.extend({
    authorName: optional(displayNameIn(words)),
    authorUrl: optional(
      z
        .string()
        .trim()
        .max(GUEST_URL_MAX_LENGTH, { message: words.webAddressTooLong })
        .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: words.webAddressInvalid })),
    ),
    authorEmail: optional(emailIn(words)),
  });
  return { body, newComment, guestComment, editComment: z.object({ commentId: id, body }) };
}

const schemasByWords = new Map<Messages, ReturnType<typeof commentSchemasFor>>();

/** The comment forms' schemas, telling the writer what is wrong in the language of `t` (the blog's). */
export function commentSchemasIn(t: Messages): ReturnType<typeof commentSchemasFor> {
  let schemas = schemasByWords.get(t);
  if (!schemas) schemasByWords.set(t, (schemas = commentSchemasFor(t)));
  return schemas;
}

export const { body: commentBody, newComment: newCommentSchema } = commentSchemasIn(messagesFor(DEFAULT_LOCALE));

export type NewComment = z.infer<typeof newCommentSchema>;

/** The fields a guest fills in besides the comment. */
export type GuestField = "authorName" | "authorUrl" | "authorEmail";

/** A guest's fields as typed, for the form to show again when the comment was not posted. */
export function guestValues(formData: FormData): Partial<Record<GuestField, string>> {
  const typed = (field: GuestField) => formData.get(field);
  return Object.fromEntries((["authorName", "authorUrl", "authorEmail"] as const).flatMap((field) => (typeof typed(field) === "string" ? [[field, typed(field)]] : [])));
}

export const editCommentSchema = z.object({ commentId: id, body: commentBody });

export const commentIdSchema = z.object({ commentId: id });

export const moderationSchema = z.object({ commentId: id, decision: z.enum(["approve", "hide", "spam", "delete"]) });

export type ModerationDecision = z.infer<typeof moderationSchema>["decision"];

/** What the dashboard's moderation queue can do to the comments it lists. */
export const QUEUE_DECISIONS = ["approve", "spam", "delete"] as const;
export type QueueDecision = (typeof QUEUE_DECISIONS)[number];

const selectedIds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(id).min(1, { message: "Select at least one comment first." }).max(200, { message: "Choose at most 200 comments at a time." }),
);

/**
 * The queue's one form: a bulk button sends `decision` with the ticked `commentIds`; a row's own
 * button sends `row` as "decision:commentId" (one form, so it works without JavaScript) and wins.
 */
export const queueModerationSchema = z.preprocess(
  (input) => {
    if (typeof input !== "object" || input === null || !("row" in input) || typeof input.row !== "string") return input;
    const [decision, commentId] = input.row.split(":");
    return { decision, commentIds: [commentId] };
  },
  z.object({ decision: z.enum(QUEUE_DECISIONS, { message: "Choose what to do with the comments." }), commentIds: selectedIds }),
);

export const queueStatusSchema = z.enum(["PENDING", "SPAM"]).catch("PENDING");
export type QueueStatus = z.infer<typeof queueStatusSchema>;
