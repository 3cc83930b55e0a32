/** Why a comment sent without JavaScript was not posted: the fragment the action redirects to. */
export type NotPostedReason = "invalid" | "rate-limited" | "closed" | "not-found" | "error";

const REASONS: Record<NotPostedReason, string> = {
  invalid: "it was empty, or longer than 4,096 characters.",
  "rate-limited": "you are commenting too fast. Wait a minute, then try again.",
  closed: "comments are closed here.",
  "not-found": "the post or the comment you replied to is not there any more.",
  error: "something went wrong on our side. Please try again.",
};

/**
 * Without JavaScript, Next.js 16 with Cache Components answers a form post with a document whose
 * content is revealed only by script, so a refused comment cannot be shown in the returned page.
 * The action instead redirects to one of these notes (shown as the URL's #target, so the cached
 * page stays one document for everyone). The text is not kept by us; the browser's Back button
 * often, not always, brings the filled-in form back.
 */
export function NotPostedNotes() {
  return (
    <>
      {Object.entries(REASONS).map(([reason, text]) => (
        <p key={reason} id={`comment-not-posted-${reason}`} className="comment-note comment-note-error" role="alert">
          Your comment was not posted: {text} Your browser&apos;s Back button may still have your text.
        </p>
      ))}
    </>
  );
}
