"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { NotPostedReason } from "@/components/comment/not-posted-notes";
import { signedInAction } from "@/lib/action-client";
import type { ActionFailure, ActionResult, ActionState } from "@/lib/action-state";
import { createComment } from "@/lib/comments/create";
import { editComment } from "@/lib/comments/edit";
import { moderateComment } from "@/lib/comments/moderate";
import { removeOwnComment } from "@/lib/comments/remove";
import { submittedByScript } from "@/lib/form-flash";
import { commentIdSchema, editCommentSchema, moderationSchema, newCommentSchema } from "@/lib/validation/comments";

/**
 * A comment form's state: besides the usual fields, the text sent, so a refused comment stays in
 * the box, and after a comment is posted the anchor the page moves to (`c<id>`).
 */
export type CommentFormState = ActionState<"body"> & { body?: string; landAt?: string };

// Only used to come back to the post (after signing in, or to a note on a refused comment), so
// only a permalink's shape is accepted: never a way to send a reader off the site.
const permalinkSchema = z.string().regex(/^\/\d{4}\/\d{2}\/[\w-]+$/);

const ON_OUR_SIDE = "Something went wrong on our side; please try again.";

// The notes a reader without JavaScript is sent to (components/comment/not-posted-notes.tsx).
const NOT_POSTED_BECAUSE: Partial<Record<string, NotPostedReason>> = { INVALID: "invalid", NOT_FOUND: "not-found", CLOSED: "closed", RATE_LIMITED: "rate-limited" };

const create = signedInAction(
  { schema: newCommentSchema, unexpected: `Your comment was not posted. ${ON_OUR_SIDE}` },
  async ({ postId, parentId, body, formKey, website }, user, { expire }) => {
    const created = await createComment({ user, postId, parentId, body, formKey, honeypot: website, now: new Date() });
    expire(created.expire);
    return created;
  },
);

export async function postComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const result = await create(formData);
  if (!result.ok) {
    // Without JavaScript the signed-out reader sees the form too: send them to sign in and back.
    if (result.code === "UNAUTHENTICATED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${returnPath(formData)}#comment-form`)}`);
    return notPosted(formData, { ...refusal(result), body: bodyOf(formData) }, NOT_POSTED_BECAUSE[result.code] ?? "error");
  }
  const created = result.data;
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

const bodyOf = (formData: FormData) => String(formData.get("body") ?? "");

const edit = signedInAction(
  { schema: editCommentSchema, unexpected: `Your changes were not saved. ${ON_OUR_SIDE}` },
  async (input, user, { expire }) => {
    const { status, expire: changed } = await editComment({ user, ...input, now: new Date() });
    expire(changed);
    return status;
  },
  { message: (status) => (status === "PENDING" ? "Saved. It now awaits moderation." : "Saved.") },
);

export async function saveCommentEdit(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const result = await edit(formData);
  return result.ok ? { ok: true, message: result.message } : { ...refusal(result), body: bodyOf(formData) };
}

const remove = signedInAction(
  { schema: commentIdSchema, unexpected: `The comment was not deleted. ${ON_OUR_SIDE}` },
  async (input, user, { expire }) => expire((await removeOwnComment({ user, ...input })).expire),
  { message: () => "Deleted." },
);

export async function deleteOwnComment(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stateOf(await remove(formData));
}

const decide = signedInAction(
  { schema: moderationSchema, unexpected: `Nothing was changed. ${ON_OUR_SIDE}` },
  async (input, user, { expire }) => expire((await moderateComment({ user, ...input })).expire),
  { message: () => "Done." },
);

export async function moderate(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stateOf(await decide(formData));
}

function stateOf(result: ActionResult<unknown>): ActionState {
  return result.ok ? { ok: true, message: result.message } : refusal(result);
}

/** A refusal as the comment forms show it: the reason in words (and the fields'), without the action client's code. */
function refusal({ message, errors }: ActionFailure): ActionState {
  return { ok: false, message, ...(errors ? { errors } : {}) };
}
