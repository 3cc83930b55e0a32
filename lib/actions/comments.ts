"use server";

import { redirect } from "next/navigation";
import type { NotPostedReason } from "@/components/comment/not-posted-notes";
import { publicAction, signedInAction, type ActionContext } from "@/lib/action-client";
import type { ActionFailure, ActionResult, ActionState } from "@/lib/action-state";
import { currentClientAddress } from "@/lib/client-address";
import { createComment, type CommentWriter, type CreatedComment } from "@/lib/comments/create";
import { flashRefusedComment } from "@/lib/comments/refused-flash";
import { editComment } from "@/lib/comments/edit";
import { moderateComment } from "@/lib/comments/moderate";
import { removeOwnComment } from "@/lib/comments/remove";
import { refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { InvalidFieldsError } from "@/lib/errors";
import { submittedByScript } from "@/lib/form-flash";
import { DEFAULT_LOCALE, messagesFor, type Locale, type Messages } from "@/lib/messages";
import { getCurrentSettings } from "@/lib/settings";
import { commentIdSchema, commentSchemasIn, guestValues, moderationSchema, newCommentSchema, permalinkSchema, type GuestField, type NewComment } from "@/lib/validation/comments";

/**
 * A comment form's state: besides the usual fields, the text sent (and a guest's name, web site
 * and email), so a refused comment stays in the form, and after a comment is posted the anchor the
 * page moves to (`c<id>`).
 */
export type CommentFormState = ActionState<"body" | GuestField> & { body?: string; values?: Partial<Record<GuestField, string>>; landAt?: string };

// The notes a reader without JavaScript is sent to (components/comment/not-posted-notes.tsx).
const NOT_POSTED_BECAUSE: Partial<Record<string, NotPostedReason>> = { INVALID: "invalid", NOT_FOUND: "not-found", CLOSED: "closed", RATE_LIMITED: "rate-limited" };

/**
 * The action made for the blog's language (its schemas' and refusals' words), once per language.
 * Read from the settings as they are now, so a reader's answer follows a change at once; with the
 * database away, in English, as the action client then answers that nothing could be saved.
 */
function inBlogLocale<Action>(make: (t: Messages) => Action): () => Promise<Action> {
  const made = new Map<Locale, Action>();
  return async () => {
    const locale = await refuseWhileDatabaseDown(async () => (await getCurrentSettings()).locale, () => DEFAULT_LOCALE);
    let action = made.get(locale);
    if (!action) made.set(locale, (action = make(messagesFor(locale))));
    return action;
  };
}

/** What an action says when it failed on our side: what did not happen, then why. */
const onOurSide = (t: Messages, what: "commentNotPosted" | "changesNotSaved" | "commentNotDeleted" | "nothingChanged") => `${t.refusals[what]} ${t.refusals.onOurSide}`;

async function create(writer: CommentWriter, { postId, parentId, body, formKey, website, notify }: NewComment, { expire }: ActionContext): Promise<CreatedComment> {
  const created = await createComment({ ...writer, postId, parentId, body, formKey, honeypot: website, notify, now: new Date() });
  expire(created.expire);
  return created;
}

const createAsAccount = inBlogLocale((t) =>
  signedInAction({ schema: commentSchemasIn(t).newComment, messages: t, unexpected: onOurSide(t, "commentNotPosted") }, (input, user, context) => create({ user }, input, context)),
);

// A signed-in reader who sends the guest form (it is what the cached page shows before its script
// knows who reads, and all it shows without JavaScript) comments as their account: who writes is
// settled here, never by what the page rendered.
const createAsAnyone = inBlogLocale((t) =>
  publicAction({ schema: commentSchemasIn(t).guestComment, messages: t, unexpected: onOurSide(t, "commentNotPosted") }, async (input, user, context) => {
    if (user) return create({ user }, input, context);
    if (!input.authorName) throw new InvalidFieldsError({ authorName: [t.refusals.nameMissing] });
    if (input.notify && !input.authorEmail) throw new InvalidFieldsError({ authorEmail: [t.refusals.notifyNeedsEmail] });
    const guest = { name: input.authorName, url: input.authorUrl, email: input.authorEmail, address: await currentClientAddress() };
    return create({ guest }, input, context);
  }),
);

export async function postComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const result = await (await createAsAccount())(formData);
  if (!result.ok) {
    // Without JavaScript the signed-out reader sees the form too: send them to sign in and back.
    if (result.code === "UNAUTHENTICATED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${returnPath(formData)}#comment-form`)}`);
    return notPosted(formData, { ...refusal(result), body: bodyOf(formData) }, NOT_POSTED_BECAUSE[result.code] ?? "error");
  }
  return posted(result.data);
}

/**
 * The comment form of a blog that takes guests. Refused, a guest keeps everything they typed:
 * with JavaScript in the form's state; without it on the comment page (app/(auth)/comment), which
 * unlike the cached post page is rendered for them, and where the refusal's cookie carries it.
 */
export async function postGuestComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const result = await (await createAsAnyone())(formData);
  if (result.ok) return posted(result.data);
  const state: CommentFormState = { ...refusal(result), body: bodyOf(formData), values: guestValues(formData) };
  if (await submittedByScript()) return state;
  await flashRefusedComment(state);
  const parentId = newCommentSchema.shape.parentId.safeParse(formData.get("parentId")).data;
  redirect(`/comment?${new URLSearchParams({ on: returnPath(formData), ...(parentId ? { reply: parentId } : {}) })}`);
}

async function posted(created: CreatedComment): Promise<CommentFormState> {
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

const edit = inBlogLocale((t) =>
  signedInAction(
    { schema: commentSchemasIn(t).editComment, messages: t, unexpected: onOurSide(t, "changesNotSaved") },
    async (input, user, { expire }) => {
      const { status, expire: changed } = await editComment({ user, ...input, now: new Date() });
      expire(changed);
      return status;
    },
    { message: (status) => (status === "PENDING" ? t.controls.savedAwaitsModeration : t.controls.saved) },
  ),
);

export async function saveCommentEdit(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const result = await (await edit())(formData);
  return result.ok ? { ok: true, message: result.message } : { ...refusal(result), body: bodyOf(formData) };
}

const remove = inBlogLocale((t) =>
  signedInAction(
    { schema: commentIdSchema, messages: t, unexpected: onOurSide(t, "commentNotDeleted") },
    async (input, user, { expire }) => expire((await removeOwnComment({ user, ...input })).expire),
    { message: () => t.controls.deleted },
  ),
);

export async function deleteOwnComment(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stateOf(await (await remove())(formData));
}

const decide = inBlogLocale((t) =>
  signedInAction(
    { schema: moderationSchema, messages: t, unexpected: onOurSide(t, "nothingChanged") },
    async (input, user, { expire }) => expire((await moderateComment({ user, ...input })).expire),
    { message: () => t.controls.done },
  ),
);

export async function moderate(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stateOf(await (await decide())(formData));
}

function stateOf(result: ActionResult<unknown>): ActionState {
  return result.ok ? { ok: true, message: result.message } : refusal(result);
}

/** A refusal as the comment forms show it: the reason in words (and the fields'), without the action client's code. */
function refusal({ message, errors }: ActionFailure): ActionState {
  return { ok: false, message, ...(errors ? { errors } : {}) };
}
