import { RichHtml } from "@/components/post/rich-html";
import { type BlogClock, formatDateTime } from "@/lib/dates";
import { messagesFor, type Messages } from "@/lib/messages";
import type { CommentNode } from "@/lib/queries/post-page";

/**
 * Blogger's "Name said..." comments, replies indented under their parent. While comments are
 * open each has a "Reply" link to a small page with the reply form (app/(blog)/[year]/[month]/reply),
 * so replying needs no script and no per-reader URL; with script, the page's one reply form opens
 * under the comment instead (reply-form-mover.tsx). The link is relative ("reply/<id>" from
 * "/2011/09/<slug>" is "/2011/09/reply/<id>") and, like the comment's <li>, has no class: each
 * byte is in every comment twice over, in the HTML and the inline payload. Controls for the reader's own comments, or a moderator's, are added by
 * thread-controls.tsx once the page knows who is reading.
 */
export function CommentThread({ comments, clock, repliesOpen }: { comments: CommentNode[]; clock: BlogClock; repliesOpen: boolean }) {
  if (comments.length === 0) return null;
  const t = messagesFor(clock.locale);
  return (
    <ol className="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id} id={`c${comment.id}`}>
          {comment.removed ? (
            <p className="comment-removed">{comment.removed === "moderator" ? t.removedByModerator : t.removedByAuthor}</p>
          ) : (
            <>
              <CommentText comment={comment} t={t} />
              <p className="comment-footer">
                <a href={`#c${comment.id}`}>
                  <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt, clock.timeZone, clock.locale)}</time>
                </a>
                {comment.editedAt && t.edited}
                {repliesOpen && (
                  <>
                    {" · "}
                    <a href={`reply/${comment.id}`}>{t.reply}</a>
                  </>
                )}
              </p>
            </>
          )}
          <CommentThread comments={comment.replies} clock={clock} repliesOpen={repliesOpen} />
        </li>
      ))}
    </ol>
  );
}

/** "Name said..." and what they said: in the thread, and above the reply page's form. */
export function CommentText({ comment, t }: { comment: CommentNode; t: Messages }) {
  const badge = comment.writer && <span className="comment-badge">{comment.writer === "author" ? t.authorBadge : t.staffBadge}</span>;
  return (
    <>
      <p className="comment-author">
        {comment.authorUrl ? (
          <>
            <a href={comment.authorUrl} rel="nofollow ugc noopener">
              {comment.authorName}
            </a>{" "}
            {badge} {t.said}
          </>
        ) : badge ? (
          <>
            {comment.authorName} {badge} {t.said}
          </>
        ) : (
          // One text node: a reader's name and "said..." as two would cost a marker between them in every comment.
          t.saidBy(comment.authorName)
        )}
      </p>
      <RichHtml className="comment-body" html={comment.bodyHtml} />
    </>
  );
}
