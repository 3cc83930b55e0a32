"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { COULD_NOT_SAVE, invalid } from "@/lib/action-state";
import { expireForWriter } from "@/lib/cache-invalidation";
import type { NotPostedReason } from "@/components/comment/not-posted-notes";
import { createComment, type CreatedComment } from "@/lib/comments/create";
import { editComment } from "@/lib/comments/edit";
import { CommentError } from "@/lib/comments/errors";
import { isDatabaseUnavailable } from "@/lib/database-outage.mjs";
import { refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { moderateComment } from "@/lib/comments/moderate";
import { removeOwnComment } from "@/lib/comments/remove";
import { submittedByScript } from "@/lib/form-flash";
import { grantFreshReads } from "@/lib/grant-fresh-reads";
import { getCurrentUser } from "@/lib/session";
import { commentIdSchema, editCommentSchema, moderationSchema, newCommentSchema } from "@/lib/validation/comments";

/**
 * A comment form's state: besides the usual fields, the text sent, so a refused comment stays in
 * the box, and after a comment is posted the anchor the page moves to (`c<id>`).
 */
export type CommentFormState = ActionState<"body"> & { body?: string; landAt?: string };

// Only used to come back to the post (after signing in, or to a note on a refused comment), so
// only a permalink's shape is accepted: never a way to send a reader off the site.
const permalinkSchema = z.string().regex(/^\/\d{4}\/\d{2}\/[\w-]+$/);

const NOT_SIGNED_IN: ActionState = { ok: false, message: "Your session has ended: sign in again, then try once more." };

// Each action answers "Could not save, try again" (keeping the text) when the database cannot be reached.
const COULD_NOT_SAVE_STATE: ActionState = { ok: false, message: COULD_NOT_SAVE };

export async function postComment(previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const body = String(formData.get("body") ?? "");
  return refuseWhileDatabaseDown(
    () => postCommentNow(previous, formData),
    () => notPosted(formData, { ...COULD_NOT_SAVE_STATE, body }, "error"),
  );
}

async function postCommentNow(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const body = String(formData.get("body") ?? "");
  const user = await getCurrentUser();
  // Without JavaScript the signed-out reader sees the form too: send them to sign in and back.
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${returnPath(formData)}#comment-form`)}`);
  const parsed = newCommentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return notPosted(formData, { ...invalid<"body">(parsed.error), body }, "invalid");
  const { postId, parentId, formKey, website } = parsed.data;
  let created: CreatedComment | undefined;
  let refusal: { state: ActionState; reason: NotPostedReason } | undefined;
  try {
    created = await createComment({ user, postId, parentId, body: parsed.data.body, formKey, honeypot: website, now: new Date() });
  } catch (error) {
    refusal = { state: failure(error, "Your comment was not posted."), reason: error instanceof CommentError ? (error.code as NotPostedReason) : "error" };
  }
  if (!created) return notPosted(formData, { ...refusal!.state, body }, refusal!.reason);
  await expireForReaders(created.expire, user.id);
  const anchor = !created.id ? "comments" : created.status === "VISIBLE" ? `c${created.id}` : "comment-awaiting-moderation";
  // With JavaScript the action's own answer re-renders this page after the write; a redirect
  // would fetch it through the page cache instead, which can still be refilling from before.
  if (await submittedByScript()) return { ok: true, landAt: anchor };
  redirect(`${created.permalink}#${anchor}`);
}

/**
 * A refused comment: with JavaScript the form shows the state (and keeps the text); without it
 * the state could not be seen (components/comment/not-posted-notes.tsx), so the reader is sent to
 * the note that says why.
 */
async function notPosted(formData: FormData, state: CommentFormState, reason: NotPostedReason): Promise<CommentFormState> {
  if (await submittedByScript()) return state;
  redirect(`${returnPath(formData)}#comment-not-posted-${reason}`);
}

function returnPath(formData: FormData): string {
  return permalinkSchema.safeParse(formData.get("permalink")).data ?? "/";
}

export async function saveCommentEdit(previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const body = String(formData.get("body") ?? "");
  return refuseWhileDatabaseDown(() => saveCommentEditNow(previous, formData), () => ({ ...COULD_NOT_SAVE_STATE, body }));
}

async function saveCommentEditNow(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const body = String(formData.get("body") ?? "");
  const user = await getCurrentUser();
  if (!user) return { ...NOT_SIGNED_IN, body };
  const parsed = editCommentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ...invalid<"body">(parsed.error), body };
  try {
    const { status, expire } = await editComment({ user, ...parsed.data, now: new Date() });
    await expireForReaders(expire, user.id);
    return { ok: true, message: status === "PENDING" ? "Saved. It now awaits moderation." : "Saved." };
  } catch (error) {
    return { ...failure(error, "Your changes were not saved."), body };
  }
}

export async function deleteOwnComment(previous: ActionState, formData: FormData): Promise<ActionState> {
  return refuseWhileDatabaseDown(() => deleteOwnCommentNow(previous, formData), () => COULD_NOT_SAVE_STATE);
}

async function deleteOwnCommentNow(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return NOT_SIGNED_IN;
  const parsed = commentIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await expireForReaders((await removeOwnComment({ user, ...parsed.data })).expire, user.id);
    return { ok: true, message: "Deleted." };
  } catch (error) {
    return failure(error, "The comment was not deleted.");
  }
}

export async function moderate(previous: ActionState, formData: FormData): Promise<ActionState> {
  return refuseWhileDatabaseDown(() => moderateNow(previous, formData), () => COULD_NOT_SAVE_STATE);
}

async function moderateNow(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return NOT_SIGNED_IN;
  const parsed = moderationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await expireForReaders((await moderateComment({ user, ...parsed.data })).expire, user.id);
    return { ok: true, message: "Done." };
  } catch (error) {
    return failure(error, "Nothing was changed.");
  }
}

/**
 * Expires what the write changed (lib/cache-invalidation.ts) and lets the writer see it at once;
 * a write that changed nothing (a resubmitted form) expires nothing.
 */
async function expireForReaders(expire: string[], userId: string) {
  if (expireForWriter(expire)) await grantFreshReads(userId);
}

function failure(error: unknown, fallback: string): ActionState {
  if (error instanceof CommentError) return { ok: false, message: error.message };
  // The outage wrapper above answers for it; rethrown so it does not read "went wrong on our side".
  if (isDatabaseUnavailable(error)) throw error;
  console.error(error);
  return { ok: false, message: `${fallback} Something went wrong on our side; please try again.` };
}
