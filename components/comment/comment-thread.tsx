import { CommentControls } from "@/components/comment/comment-controls";
import { CommentForm, type CommentFormTarget } from "@/components/comment/comment-form";
import { RichHtml } from "@/components/post/rich-html";
import { formatDateHeader, formatTime } from "@/lib/dates";
import type { CommentNode } from "@/lib/queries/post-page";

export function commentsHeading(count: number): string {
  if (count === 0) return "No comments:";
  return count === 1 ? "1 comment:" : `${count} comments:`;
}

/**
 * Blogger's "Name said..." comments, replies indented under their parent. Each comment has its
 * reply form in a <details>, so replying needs no script and no per-reader URL; the page stays
 * one cached document for everyone. Without a `replyTarget` (comments closed) there are none.
 */
export function CommentThread({ comments, timeZone, replyTarget }: { comments: CommentNode[]; timeZone: string; replyTarget?: CommentFormTarget }) {
  if (comments.length === 0) return null;
  return (
    <ol className="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id} id={`c${comment.id}`} className="comment">
          {comment.removed ? (
            <p className="comment-removed">This comment has been removed by {comment.removed === "moderator" ? "a blog administrator" : "the author"}.</p>
          ) : (
            <>
              <p className="comment-author">
                {comment.authorUrl ? (
                  <a href={comment.authorUrl} rel="nofollow ugc noopener">
                    {comment.authorName}
                  </a>
                ) : (
                  <span>{comment.authorName}</span>
                )}{" "}
                {comment.writer && <span className="comment-badge">{comment.writer === "author" ? "Author" : "Staff"}</span>} said...
              </p>
              <RichHtml className="comment-body" html={comment.bodyHtml} />
              <p className="comment-footer">
                <a href={`#c${comment.id}`}>
                  <time dateTime={comment.createdAt.toISOString()}>
                    {formatDateHeader(comment.createdAt, timeZone)} at {formatTime(comment.createdAt, timeZone)}
                  </time>
                </a>
                {comment.editedAt && <span> (edited)</span>}
              </p>
              <CommentControls commentId={comment.id} />
              {replyTarget && (
                <details className="comment-reply">
                  <summary>Reply</summary>
                  <CommentForm target={replyTarget} parentId={comment.id} />
                </details>
              )}
            </>
          )}
          <CommentThread comments={comment.replies} timeZone={timeZone} replyTarget={replyTarget} />
        </li>
      ))}
    </ol>
  );
}
