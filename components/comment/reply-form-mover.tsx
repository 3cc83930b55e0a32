"use client";

import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { CommentForm, type CommentFormTarget } from "@/components/comment/comment-form";

// The cached thread (components/comment/comment-thread.tsx), not the reader's own comments awaiting moderation.
export const THREAD = "#comments > .comment-thread";

interface OpenReply {
  parentId: string;
  slot: HTMLElement;
}

/**
 * The post page's one reply form. Each comment's "Reply" link leads, without JavaScript, to a
 * small page holding the form; with it, a click opens this form under the comment instead, so
 * the cached page carries one form rather than one per comment.
 */
export function ReplyFormMover({ target }: { target: CommentFormTarget }) {
  const [open, setOpen] = useState<OpenReply | null>(null);
  const slotRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const openUnderComment = (event: MouseEvent) => {
      // A new tab or window still opens the reply page.
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest(`${THREAD} a[href^="reply/"]`) : null;
      const comment = link?.closest<HTMLElement>(".comment-thread > li");
      if (!comment) return;
      event.preventDefault();
      const slot = (slotRef.current ??= Object.assign(document.createElement("div"), { className: "comment-reply" }));
      // Under the comment's own text and controls, above the replies to it.
      comment.insertBefore(slot, comment.querySelector(":scope > .comment-thread"));
      setOpen({ parentId: comment.id.slice(1), slot });
    };
    document.addEventListener("click", openUnderComment);
    return () => document.removeEventListener("click", openUnderComment);
  }, []);

  useEffect(() => {
    open?.slot.querySelector<HTMLElement>("textarea, a")?.focus();
  }, [open]);

  return open && createPortal(<CommentForm key={open.parentId} target={target} parentId={open.parentId} />, open.slot);
}
