"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useOptimistic } from "react";
import { postComment, postGuestComment, type CommentFormState } from "@/lib/actions/comments";
import { commentNotSent } from "@/components/comment/comment-failure";
import { GuestFields } from "@/components/comment/guest-fields";
import { useCommentViewer, useHydrated } from "@/components/comment/viewer-store";
import { withFailureState } from "@/components/forms/with-failure-state";
import { type Locale, messagesFor } from "@/lib/messages";
import { COMMENT_MAX_LENGTH } from "@/lib/validation/comments";

export interface CommentFormTarget {
  postId: string;
  permalink: string;
  /** The cached page's form key; the server scopes it by account and text (lib/comments/idempotency.ts). */
  formKey: string;
  /** The blog takes guests' comments (ANYONE): the form asks those not signed in for a name. */
  guests: boolean;
  /** The blog's locale: the form's words (lib/messages.ts). */
  locale: Locale;
  /** The blog can send mail: the form offers "Notify me". */
  notify: boolean;
}

const NOTHING_YET: CommentFormState = { ok: false };

/**
 * A new comment, or a reply when `parentId` is given. A plain form posting to the server action,
 * so it works without JavaScript; with it, the comment shows at once while it is sent.
 */
export function CommentForm({ target, parentId, refused }: { target: CommentFormTarget; parentId?: string; refused?: CommentFormState }) {
  const formId = parentId ? `reply-form-${parentId}` : "comment-form";
  // Until hydration (and without JavaScript) the form posts the server action itself; the
  // permalink lets that POST come back to this form.
  const post = target.guests ? postGuestComment : postComment;
  const [, postWithoutScript] = useActionState(post, NOTHING_YET, `${target.permalink}#${formId}`);
  const t = messagesFor(target.locale);
  const postKeepingText = useMemo(() => withFailureState(post, commentNotSent(t)), [post, t]);
  // `refused`: a guest's comment refused without JavaScript, back on the comment page to be mended.
  const [state, formAction, sending] = useActionState(postKeepingText, refused ?? NOTHING_YET);
  const [preview, showPreview] = useOptimistic<string | null, string>(null, (_, text) => text);
  const viewer = useCommentViewer();
  const hydrated = useHydrated();
  // Posted: the page (re-rendered by the action) moves to the new comment, as the redirect does
  // for a post without JavaScript; from a reply page, back to the post.
  const router = useRouter();
  useEffect(() => {
    if (!state.landAt) return;
    if (window.location.pathname === target.permalink) window.location.hash = state.landAt;
    else router.push(`${target.permalink}#${state.landAt}`);
  }, [state, target.permalink, router]);

  // Back to the comment replied to: its reply form opens on a click, not at an address.
  const signIn = `/sign-in?callbackUrl=${encodeURIComponent(`${target.permalink}#${parentId ? `c${parentId}` : formId}`)}`;
  if (viewer === null && !target.guests) {
    return (
      <p className="comment-sign-in">
        <Link href={signIn}>{t.signInTo(Boolean(parentId))}</Link>
      </p>
    );
  }
  // Until the page knows who reads (and without JavaScript) a guest's fields show; a signed-in
  // reader who sends them anyway comments as their account.
  const asGuest = target.guests && !viewer;

  // After hydration the action goes through a function that first shows the preview.
  const submitWithPreview = (formData: FormData) => {
    showPreview(String(formData.get("body") ?? "").trim());
    formAction(formData);
  };
  const bodyId = `${formId}-body`;
  const errorId = `${formId}-error`;
  return (
    // Its own lang: the account pages around the refused guest's form are in English.
    <form id={formId} className="comment-form" lang={target.locale} action={hydrated ? submitWithPreview : postWithoutScript}>
      {preview && (
        <div className="comment comment-preview" role="status">
          <p className="comment-author">{t.saidBy(viewer?.name ?? t.you)}</p>
          <p className="comment-preview-body">{preview}</p>
          <p className="comment-footer">{t.posting}</p>
        </div>
      )}
      <input type="hidden" name="postId" value={target.postId} />
      <input type="hidden" name="permalink" value={target.permalink} />
      <input type="hidden" name="formKey" value={target.formKey} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {asGuest && (
        <>
          <p className="form-hint">
            {t.guestHintBefore}
            <Link href={signIn}>{t.signInLink}</Link>
            {t.guestHintAfter}
          </p>
          <GuestFields formId={formId} state={state} t={t} />
        </>
      )}
      <label htmlFor={bodyId}>{parentId ? t.yourReply : t.yourComment}</label>
      <textarea
        id={bodyId}
        name="body"
        rows={parentId ? 4 : 6}
        maxLength={COMMENT_MAX_LENGTH}
        required
        defaultValue={state.body}
        aria-invalid={state.errors?.body ? true : undefined}
        aria-describedby={state.message ? `${errorId} ${formId}-hint` : `${formId}-hint`}
      />
      <p id={`${formId}-hint`} className="form-hint">
        {t.commentHint}
        {viewer === undefined && !target.guests && t.notSignedInHint}
      </p>
      {/* A honeypot: hidden from people and from assistive technology, filled in by naive bots. */}
      <div className="comment-website" aria-hidden="true">
        <label htmlFor={`${formId}-website`}>{t.leaveEmpty}</label>
        <input id={`${formId}-website`} name="website" tabIndex={-1} autoComplete="off" />
      </div>
      {target.notify && (
        <p className="comment-notify">
          <input id={`${formId}-notify`} type="checkbox" name="notify" />{" "}
          <label htmlFor={`${formId}-notify`}>
            {t.notifyMe}
            {asGuest && t.notifyMeGiveEmail}
          </label>
        </p>
      )}
      {state.message && (
        <p id={errorId} className="form-error" role="alert">
          {state.message} {state.errors?.body?.join(" ")}
        </p>
      )}
      <button type="submit" disabled={sending}>
        {parentId ? t.publishReply : t.publish}
      </button>
    </form>
  );
}
