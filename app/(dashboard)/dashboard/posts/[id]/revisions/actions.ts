"use server";
import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { dashboardAction, type ActionFailure } from "@/lib/dashboard/action-client";
import { tags } from "@/lib/cache-tags";
import { restoreRevision } from "@/lib/posts/revision-history";
import { restoreRevisionSchema } from "@/lib/validation/revisions";

/** Only failures come back: a restore that worked goes on to the post. */
export type RestoreState = ActionFailure | null;

const restore = dashboardAction({ schema: restoreRevisionSchema }, async (input, user) => {
  const restored = await restoreRevision({ user, ...input, now: new Date() });
  if (restored.readersMaySeeIt) {
    updateTag(tags.post(restored.postId));
    updateTag(tags.posts);
  }
  return restored;
});

export async function restoreRevisionAction(_previous: RestoreState, formData: FormData): Promise<RestoreState> {
  const result = await restore(formData);
  if (!result.ok) return result;
  redirect(`/dashboard/posts/${encodeURIComponent(result.data.postId)}`);
}
