"use client";

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { CommentControls } from "@/components/comment/comment-controls";
import { THREAD } from "@/components/comment/reply-form-mover";
import { useCommentViewer } from "@/components/comment/viewer-store";
import { type Locale, messagesFor } from "@/lib/messages";

interface ControlsSlot {
  commentId: string;
  slot: HTMLElement;
}

/**
 * Edit and delete under the reader's own comments in the cached thread, and moderation under
 * every comment for a moderator. One component for the whole thread, not one per comment: each
 * would be in the page's inline payload for every reader, and most readers see none.
 */
export function ThreadControls({ locale }: { locale: Locale }) {
  const viewer = useCommentViewer();
  const [slots, setSlots] = useState<ControlsSlot[]>([]);

  useEffect(() => {
    if (!viewer) return;
    const own = new Set(viewer.own.map((comment) => comment.id));
    const made: ControlsSlot[] = [];
    for (const comment of document.querySelectorAll<HTMLElement>(`${THREAD} li`)) {
      const footer = comment.querySelector(":scope > .comment-footer");
      const commentId = comment.id.slice(1);
      if (!footer || (!viewer.moderator && !own.has(commentId))) continue;
      const slot = document.createElement("div");
      footer.after(slot);
      made.push({ commentId, slot });
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the slots are DOM nodes in the cached thread, which exists only after hydration
    setSlots(made);
    return () => {
      for (const { slot } of made) slot.remove();
    };
  }, [viewer]);

  const t = messagesFor(locale);
  return slots.map(({ commentId, slot }) => createPortal(<CommentControls commentId={commentId} t={t} />, slot, commentId));
}
