import type { Messages } from "@/lib/messages";

/** Why a comment sent without JavaScript was not posted: the fragment the action redirects to. */
export type NotPostedReason = keyof Messages["notPosted"];

/**
 * Without JavaScript, Next.js 16 with Cache Components answers a form post with a document whose
 * content is revealed only by script, so a refused comment cannot be shown in the returned page.
 * The action instead redirects to one of these notes (shown as the URL's #target, so the cached
 * page stays one document for everyone). The text is not kept by us; the browser's Back button
 * often, not always, brings the filled-in form back.
 */
export function NotPostedNotes({ t }: { t: Messages }) {
  return (
    <>
      {Object.entries(t.notPosted).map(([reason, text]) => (
        <p key={reason} id={`comment-not-posted-${reason}`} className="comment-note comment-note-error" role="alert">
          {t.notPostedBefore}
          {text}
          {t.notPostedAfter}
        </p>
      ))}
    </>
  );
}
