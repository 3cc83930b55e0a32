import { RichHtml } from "@/components/post/rich-html";
import { formatDateHeader, formatTime } from "@/lib/dates";
import type { CommentNode } from "@/lib/queries/post-page";

export function commentsHeading(count: number): string {
  if (count === 0) return "No comments:";
  return count === 1 ? "1 comment:" : `${count} comments:`;
}

/** Blogger's "Name said..." comments, replies indented under their parent. */
export function CommentThread({ comments, timeZone }: { comments: CommentNode[]; timeZone: string }) {
  if (comments.length === 0) return null;
  return (
    <ol className="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id} id={`c${comment.id}`} className="comment">
          {comment.removed ? (
            <p className="comment-removed">This comment has been removed by the author.</p>
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
                said...
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
            </>
          )}
          <CommentThread comments={comment.replies} timeZone={timeZone} />
        </li>
      ))}
    </ol>
  );
}
