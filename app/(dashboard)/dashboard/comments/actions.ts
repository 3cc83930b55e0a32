"use server";

import { refresh } from "next/cache";
import { expireForWriter } from "@/lib/cache-invalidation";
import { moderateComments } from "@/lib/comments/moderate";
import { dashboardAction, type ActionResult } from "@/lib/dashboard/action-client";
import { queueModerationSchema, type QueueDecision } from "@/lib/validation/comments";

export type QueueActionResult = ActionResult<{ count: number; decision: QueueDecision }>;

const DONE: Record<QueueDecision, string> = { approve: "approved", spam: "marked as spam", delete: "deleted" };

const run = dashboardAction({ schema: queueModerationSchema }, async ({ decision, commentIds }, user) => {
  const { count, expire } = await moderateComments({ user, commentIds, decision });
  expireForWriter(expire);
  // The queue and the navigation's badge are per request: show them again with the change.
  refresh();
  return { count, decision };
});

export async function moderateQueue(_previous: QueueActionResult | null, formData: FormData): Promise<QueueActionResult> {
  const result = await run(formData);
  // The queue has no field to show an error beside: say what was wrong (say, nothing ticked) above it.
  if (!result.ok) return { ...result, message: Object.values(result.errors ?? {}).flat()[0] ?? result.message };
  const { count, decision } = result.data;
  return { ...result, message: `${count === 1 ? "1 comment" : `${count} comments`} ${DONE[decision]}.` };
}
