"use client";

import { useEffect, useState } from "react";
import { fetchViewer, type PendingCommentView } from "@/components/blog/viewer-client";
import { CommentControls } from "@/components/comment/comment-controls";
import { publishViewer } from "@/components/comment/viewer-store";
import { RichHtml } from "@/components/post/rich-html";
import { type Locale, messagesFor } from "@/lib/messages";

/**
 * The post page's per-reader part: comments awaiting moderation that this reader may see, and who
 * the reader is, for the controls in the cached thread. The page around it is the same cached
 * HTML for everyone, so this asks the server once the page runs, and again whenever the page's
 * comments change (`version`: the cached comments' form key, new each time they are refilled).
 * Without JavaScript it shows nothing, and the cached page works without it.
 */
export function ViewerComments({ postId, version, locale }: { postId: string; version: string; locale: Locale }) {
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
  const t = messagesFor(locale);
  return (
    <section className="comments-pending" aria-labelledby="comments-pending-heading">
      <h3 id="comments-pending-heading">{t.awaitingModerationHeading}</h3>
      <ol className="comment-thread">
        {pending.map((comment) => (
          <li key={comment.id} id={`c${comment.id}`} className="comment comment-pending">
            <p className="comment-author">{t.saidBy(comment.authorName)}</p>
            <RichHtml className="comment-body" html={comment.bodyHtml} />
            <p className="comment-footer">
              <time dateTime={comment.createdAt}>{comment.createdAtText}</time>
              {comment.parentId && (
                <>
                  {" "}
                  · <a href={`#c${comment.parentId}`}>{t.inReplyTo}</a>
                </>
              )}
              {comment.mine && <span> · {t.yoursAwaitsModeration}</span>}
            </p>
            <CommentControls commentId={comment.id} pending t={t} />
          </li>
        ))}
      </ol>
    </section>
  );
}
