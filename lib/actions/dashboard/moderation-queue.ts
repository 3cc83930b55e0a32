"use server";

import { refresh } from "next/cache";
import { dashboardAction } from "@/lib/action-client";
import type { ActionResult } from "@/lib/action-state";
import { moderateComments } from "@/lib/comments/moderate";
import { queueModerationSchema, type QueueDecision } from "@/lib/validation/comments";

export type QueueActionResult = ActionResult<{ count: number; decision: QueueDecision }>;

const DONE: Record<QueueDecision, string> = { approve: "approved", spam: "marked as spam", delete: "deleted" };

const run = dashboardAction(
  { schema: queueModerationSchema },
  async ({ decision, commentIds }, user, { expire }) => {
    const { count, expire: changed } = await moderateComments({ user, commentIds, decision });
    expire(changed);
    // The queue and the navigation's badge are per request: show them again with the change.
    refresh();
    return { count, decision };
  },
  { message: ({ count, decision }) => `${count === 1 ? "1 comment" : `${count} comments`} ${DONE[decision]}.` },
);

export async function moderateQueue(_previous: QueueActionResult | null, formData: FormData): Promise<QueueActionResult> {
  const result = await run(formData);
  // The queue has no field to show an error beside: say what was wrong (say, nothing ticked) above it.
  return result.ok ? result : { ...result, message: Object.values(result.errors ?? {}).flat()[0] ?? result.message };
}
