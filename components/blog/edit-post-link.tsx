"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { fetchViewer } from "@/components/blog/viewer-client";
import { type Locale, messagesFor } from "@/lib/messages";

/**
 * Blogger's quick-edit pencil under a post, for its author and for admins. Empty in the cached
 * page everyone gets: it appears only once /api/viewer says this reader may edit the post.
 */
export function EditPostLink({ postId, locale }: { postId: string; locale: Locale }) {
  const [mayEdit, setMayEdit] = useState(false);
  useEffect(() => {
    let current = true;
    void fetchViewer(postId).then((viewer) => current && setMayEdit(viewer?.mayEditPost ?? false));
    return () => {
      current = false;
    };
  }, [postId]);
  if (!mayEdit) return null;
  return (
    <p className="quick-edit">
      <Link href={`/dashboard/posts/${postId}`}>
        <span aria-hidden="true">✎ </span>
        {messagesFor(locale).editPost}
      </Link>
    </p>
  );
}
