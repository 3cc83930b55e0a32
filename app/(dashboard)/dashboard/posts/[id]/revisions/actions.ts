"use server";
import { redirect } from "next/navigation";
import { dashboardAction, type ActionFailure } from "@/lib/dashboard/action-client";
import { restoreRevision } from "@/lib/posts/revision-history";
import { restoreRevisionSchema } from "@/lib/validation/revisions";

/** Only failures come back: a restore that worked goes on to the post. */
export type RestoreState = ActionFailure | null;

// A restore on a live post becomes its pending version (Update sends it out), so readers see
// nothing new and no cache tag expires.
const restore = dashboardAction({ schema: restoreRevisionSchema }, (input, user) => restoreRevision({ user, ...input, now: new Date() }));

export async function restoreRevisionAction(_previous: RestoreState, formData: FormData): Promise<RestoreState> {
  const result = await restore(formData);
  if (!result.ok) return result;
  redirect(`/dashboard/posts/${encodeURIComponent(result.data.postId)}`);
}
