"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { commentsSwitched, expireForWriter, postWritten } from "@/lib/cache-invalidation";
import type { DashboardUser } from "@/lib/dashboard/access";
import { dashboardAction } from "@/lib/dashboard/action-client";
import { createDraft } from "@/lib/posts/create";
import { setCommentsOpen } from "@/lib/posts/comments-switch";
import { getPostForEditing, standingOf } from "@/lib/posts/editing";
import { discardPendingEdit, updateLivePost } from "@/lib/posts/pending";
import { publishPost, redatePost, schedulePost, unpublishPost } from "@/lib/posts/publishing";
import { savePost } from "@/lib/posts/save";
import { deletePostForever, restorePost, trashPost } from "@/lib/posts/trash";
import type { WriteOutcome } from "@/lib/posts/write";
import { getBlogSettings } from "@/lib/settings";
import { commentsSwitchSchema, postIdSchema, postWriteSchema, savePostSchema, schedulePostSchema } from "@/lib/validation/posts";

// A draft's saves change nothing readers see: expiring nothing also spares the editor a refresh
// of its page after every autosave.
const expireTags = (outcome: WriteOutcome) => expireForWriter(postWritten(outcome));

export type { PostStanding } from "@/lib/posts/editing";

/** After a change of status: where the post stands, and the words the editor should now show. */
async function standing(user: DashboardUser, postId: string) {
  const post = await getPostForEditing({ user, postId });
  const { title, slug, excerpt, labels, bodyHtml } = post;
  return { ...standingOf(post), content: { title, slug, excerpt, labels, bodyHtml } };
}

async function blogTimeZone() {
  return (await getBlogSettings()).timeZone;
}

const runCreateDraft = dashboardAction({ schema: z.object({}) }, (_input, user) => createDraft({ user, now: new Date() }));

/** The "New post" button: an empty draft, then its editor. */
export async function createDraftAction(formData: FormData) {
  const result = await runCreateDraft(formData);
  if (!result.ok) throw new Error(result.message);
  redirect(`/dashboard/posts/${result.data.id}`);
}

const runSavePost = dashboardAction({ schema: savePostSchema }, async ({ postId, expectedVersion, saveId, ...content }, user) => {
  const now = new Date();
  const outcome = await savePost({ user, postId, expectedVersion, saveId, content, timeZone: await blogTimeZone(), now });
  expireTags(outcome);
  return { version: outcome.version, savedAt: now.toISOString(), permalink: outcome.permalink, bodyHtml: outcome.bodyHtml, pending: outcome.pending };
});
export async function savePostAction(input: z.input<typeof savePostSchema>) {
  return runSavePost(input);
}

/** A change of status: the rule from lib/posts, then the tags it touched, then where the post stands. */
function statusChange<Input extends { postId: string }>(
  schema: z.ZodType<Input>,
  change: (options: Input & { user: DashboardUser; timeZone: string; now: Date }) => Promise<WriteOutcome>,
) {
  return dashboardAction({ schema }, async (input, user) => {
    expireTags(await change({ ...input, user, timeZone: await blogTimeZone(), now: new Date() }));
    return standing(user, input.postId);
  });
}

const runPublishPost = statusChange(postWriteSchema, publishPost);
export async function publishPostAction(input: z.input<typeof postWriteSchema>) {
  return runPublishPost(input);
}

const runSchedulePost = statusChange(schedulePostSchema, schedulePost);
export async function schedulePostAction(input: z.input<typeof schedulePostSchema>) {
  return runSchedulePost(input);
}

const runRedatePost = statusChange(schedulePostSchema, redatePost);
export async function redatePostAction(input: z.input<typeof schedulePostSchema>) {
  return runRedatePost(input);
}

const runUnpublishPost = statusChange(postWriteSchema, unpublishPost);
export async function unpublishPostAction(input: z.input<typeof postWriteSchema>) {
  return runUnpublishPost(input);
}

const runUpdatePost = statusChange(postWriteSchema, updateLivePost);
/** Update: the pending version of a live post goes out to readers. */
export async function updatePostAction(input: z.input<typeof postWriteSchema>) {
  return runUpdatePost(input);
}

const runDiscardChanges = statusChange(postWriteSchema, discardPendingEdit);
export async function discardChangesAction(input: z.input<typeof postWriteSchema>) {
  return runDiscardChanges(input);
}

/** "Allow comments" applies to the live post at once: its page shows the form, or says they are closed. */
const runSetCommentsOpen = dashboardAction({ schema: commentsSwitchSchema }, async ({ postId, open }, user) => {
  const saved = await setCommentsOpen({ user, postId, open });
  expireForWriter(commentsSwitched(postId));
  return saved;
});
export async function setCommentsOpenAction(input: z.input<typeof commentsSwitchSchema>) {
  return runSetCommentsOpen(input);
}

const runTrashPost = statusChange(postWriteSchema, trashPost);
export async function trashPostAction(input: z.input<typeof postWriteSchema>) {
  return runTrashPost(input);
}

const runRestorePost = statusChange(postWriteSchema, restorePost);
export async function restorePostAction(input: z.input<typeof postWriteSchema>) {
  return runRestorePost(input);
}

const runDeletePostForever = dashboardAction({ schema: postWriteSchema }, async (input, user) => {
  const outcome = await deletePostForever({ user, ...input });
  expireTags(outcome);
  return { deleted: true };
});
export async function deletePostForeverAction(input: z.input<typeof postWriteSchema>) {
  return runDeletePostForever(input);
}

/** The post as stored now: for the editor's side-by-side view after a conflict. */
const runGetPostForEditing = dashboardAction({ schema: postIdSchema }, (input, user) => getPostForEditing({ user, ...input }));
export async function getPostForEditingAction(input: z.input<typeof postIdSchema>) {
  return runGetPostForEditing(input);
}
