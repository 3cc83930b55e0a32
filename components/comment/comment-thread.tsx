import { RichHtml } from "@/components/post/rich-html";
import { formatDateTime } from "@/lib/dates";
import type { CommentNode } from "@/lib/queries/post-page";

export function commentsHeading(count: number): string {
  if (count === 0) return "No comments:";
  return count === 1 ? "1 comment:" : `${count} comments:`;
}

/**
 * Blogger's "Name said..." comments, replies indented under their parent. While comments are
 * open each has a "Reply" link to a small page with the reply form (app/(blog)/[year]/[month]/reply),
 * so replying needs no script and no per-reader URL; with script, the page's one reply form opens
 * under the comment instead (reply-form-mover.tsx). The link is relative ("reply/<id>" from
 * "/2011/09/<slug>" is "/2011/09/reply/<id>") and, like the comment's <li>, has no class: each
 * byte is in every comment twice over, in the HTML and the inline payload. Controls for the reader's own comments, or a moderator's, are added by
 * thread-controls.tsx once the page knows who is reading.
 */
export function CommentThread({ comments, timeZone, repliesOpen }: { comments: CommentNode[]; timeZone: string; repliesOpen: boolean }) {
  if (comments.length === 0) return null;
  return (
    <ol className="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id} id={`c${comment.id}`}>
          {comment.removed ? (
            <p className="comment-removed">This comment has been removed by {comment.removed === "moderator" ? "a blog administrator" : "the author"}.</p>
          ) : (
            <>
              <CommentText comment={comment} />
              <p className="comment-footer">
                <a href={`#c${comment.id}`}>
                  <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt, timeZone)}</time>
                </a>
                {comment.editedAt && " (edited)"}
                {repliesOpen && (
                  <>
                    {" · "}
                    <a href={`reply/${comment.id}`}>Reply</a>
                  </>
                )}
              </p>
            </>
          )}
          <CommentThread comments={comment.replies} timeZone={timeZone} repliesOpen={repliesOpen} />
        </li>
      ))}
    </ol>
  );
}

/** "Name said..." and what they said: in the thread, and above the reply page's form. */
export function CommentText({ comment }: { comment: CommentNode }) {
  const badge = comment.writer && <span className="comment-badge">{comment.writer === "author" ? "Author" : "Staff"}</span>;
  return (
    <>
      <p className="comment-author">
        {comment.authorUrl ? (
          <>
            <a href={comment.authorUrl} rel="nofollow ugc noopener">
              {comment.authorName}
            </a>{" "}
            {badge} said...
          </>
        ) : badge ? (
          <>
            {comment.authorName} {badge} said...
          </>
        ) : (
          // One text node: a reader's name and "said..." as two would cost a marker between them in every comment.
          `${comment.authorName} said...`
        )}
      </p>
      <RichHtml className="comment-body" html={comment.bodyHtml} />
    </>
  );
}
