import { CommentControls } from "@/components/comment/comment-controls";
import { ViewerPublisher } from "@/components/comment/viewer-publisher";
import { RichHtml } from "@/components/post/rich-html";
import { getCommentViewer } from "@/lib/comments/viewer";
import { formatDateHeader, formatTime } from "@/lib/dates";
import { getCurrentUser } from "@/lib/session";

/**
 * The post page's one per-viewer part, rendered per request inside a Suspense hole: comments
 * awaiting moderation that this reader may see, and who the reader is, for the controls in the
 * cached thread. Without JavaScript it stays hidden, and the cached page works without it.
 */
export async function ViewerComments({ postId, timeZone }: { postId: string; timeZone: string }) {
  const user = await getCurrentUser();
  const viewer = user ? await getCommentViewer({ user, postId, now: new Date() }) : null;
  return (
    <>
      <ViewerPublisher viewer={viewer && { userId: viewer.userId, name: viewer.name, moderator: viewer.moderator, own: viewer.own }} />
      {viewer && viewer.pending.length > 0 && (
        <section className="comments-pending" aria-labelledby="comments-pending-heading">
          <h3 id="comments-pending-heading">Awaiting moderation</h3>
          <ol className="comment-thread">
            {viewer.pending.map((comment) => (
              <li key={comment.id} id={`c${comment.id}`} className="comment comment-pending">
                <p className="comment-author">{comment.authorName} said...</p>
                <RichHtml className="comment-body" html={comment.bodyHtml} />
                <p className="comment-footer">
                  <time dateTime={comment.createdAt.toISOString()}>
                    {formatDateHeader(comment.createdAt, timeZone)} at {formatTime(comment.createdAt, timeZone)}
                  </time>
                  {comment.parentId && (
                    <>
                      {" "}
                      · <a href={`#c${comment.parentId}`}>in reply to this comment</a>
                    </>
                  )}
                  {comment.mine && <span> · Your comment is awaiting moderation; only you and the blog&apos;s moderators see it.</span>}
                </p>
                <CommentControls commentId={comment.id} pending />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
