"use server";
import { dashboardAction, formAction } from "@/lib/action-client";
import type { ActionResult } from "@/lib/action-state";
import { restoreRevision } from "@/lib/posts/revision-history";
import { restoreRevisionSchema } from "@/lib/validation/revisions";

/** Only failures come back: a restore that worked goes on to the post. */
export type RestoreState = ActionResult<unknown> | null;

// A restore on a live post becomes its pending version (Update sends it out), so readers see
// nothing new and no cache tag expires.
export const restoreRevisionAction = formAction(
  dashboardAction(
    { schema: restoreRevisionSchema },
    (input, user) => restoreRevision({ user, ...input, now: new Date() }),
    { redirectTo: ({ postId }) => `/dashboard/posts/${encodeURIComponent(postId)}` },
  ),
);
