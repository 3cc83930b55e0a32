"use client";

import { useEffect, useState } from "react";
import { fetchViewer, type PendingCommentView } from "@/components/blog/viewer-client";
import { CommentControls } from "@/components/comment/comment-controls";
import { publishViewer } from "@/components/comment/viewer-store";
import { RichHtml } from "@/components/post/rich-html";

/**
 * The post page's per-reader part: comments awaiting moderation that this reader may see, and who
 * the reader is, for the controls in the cached thread. The page around it is the same cached
 * HTML for everyone, so this asks the server once the page runs, and again whenever the page's
 * comments change (`version`: the cached comments' form key, new each time they are refilled).
 * Without JavaScript it shows nothing, and the cached page works without it.
 */
export function ViewerComments({ postId, version }: { postId: string; version: string }) {
  const [pending, setPending] = useState<PendingCommentView[]>([]);
  useEffect(() => {
    let current = true;
    void fetchViewer(postId).then((viewer) => {
      if (!current) return;
      const comments = viewer?.comments ?? null;
      publishViewer(comments && { userId: comments.userId, name: comments.name, moderator: comments.moderator, own: comments.own });
      setPending(comments?.pending ?? []);
    });
    return () => {
      current = false;
    };
  }, [postId, version]);
  if (pending.length === 0) return null;
  return (
    <section className="comments-pending" aria-labelledby="comments-pending-heading">
      <h3 id="comments-pending-heading">Awaiting moderation</h3>
      <ol className="comment-thread">
        {pending.map((comment) => (
          <li key={comment.id} id={`c${comment.id}`} className="comment comment-pending">
            <p className="comment-author">{comment.authorName} said...</p>
            <RichHtml className="comment-body" html={comment.bodyHtml} />
            <p className="comment-footer">
              <time dateTime={comment.createdAt}>{comment.createdAtText}</time>
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
  );
}
