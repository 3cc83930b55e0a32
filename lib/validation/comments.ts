import { z } from "zod";

const id = z.string().trim().min(1).max(64);
/** An empty form field means "none". */
const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), id.optional());

export const commentBody = z
  .string({ message: "Write your comment first." })
  .trim()
  .min(1, { message: "Write your comment first." })
  .max(4096, { message: "Keep it to 4,096 characters." });

export const newCommentSchema = z.object({
  postId: id,
  parentId: optionalId,
  body: commentBody,
  formKey: z.string().max(100).default(""),
  // The honeypot: a field people never see or fill in.
  website: z.string().max(2000).default(""),
});

export const editCommentSchema = z.object({ commentId: id, body: commentBody });

export const commentIdSchema = z.object({ commentId: id });

export const moderationSchema = z.object({ commentId: id, decision: z.enum(["approve", "hide", "spam", "delete"]) });

export type ModerationDecision = z.infer<typeof moderationSchema>["decision"];
