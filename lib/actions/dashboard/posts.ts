"use server";

import { z } from "zod";
import { dashboardAction } from "@/lib/action-client";
import { commentsSwitched, postWritten } from "@/lib/cache-invalidation";
import type { DashboardUser } from "@/lib/dashboard/access";
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

// A draft's saves change nothing readers see (postWritten expires nothing for them), which also
// spares the editor a refresh of its page after every autosave.

/** After a change of status: where the post stands, and the words the editor should now show. */
async function standing(user: DashboardUser, postId: string) {
  const post = await getPostForEditing({ user, postId });
  const { title, slug, excerpt, labels, bodyHtml } = post;
  return { ...standingOf(post), content: { title, slug, excerpt, labels, bodyHtml } };
}

async function blogTimeZone() {
  return (await getBlogSettings()).timeZone;
}

const runCreateDraft = dashboardAction(
  { schema: z.object({}) },
  (_input, user) => createDraft({ user, now: new Date() }),
  { redirectTo: ({ id }) => `/dashboard/posts/${id}` },
);

/** The "New post" button: an empty draft, then its editor. A plain form has nowhere to show a refusal but the error page. */
export async function createDraftAction(formData: FormData) {
  const result = await runCreateDraft(formData);
  if (!result.ok) throw new Error(result.message);
}

export const savePostAction = dashboardAction({ schema: savePostSchema }, async ({ postId, expectedVersion, saveId, ...content }, user, { expire }) => {
  const now = new Date();
  const outcome = await savePost({ user, postId, expectedVersion, saveId, content, timeZone: await blogTimeZone(), now });
  expire(postWritten(outcome));
  return { version: outcome.version, savedAt: now.toISOString(), permalink: outcome.permalink, bodyHtml: outcome.bodyHtml, pending: outcome.pending };
});

/** A change of status: the rule from lib/posts, then the tags it touched, then where the post stands. */
function statusChange<Input extends { postId: string }>(
  schema: z.ZodType<Input>,
  change: (options: Input & { user: DashboardUser; timeZone: string; now: Date }) => Promise<WriteOutcome>,
) {
  return dashboardAction({ schema }, async (input, user, { expire }) => {
    expire(postWritten(await change({ ...input, user, timeZone: await blogTimeZone(), now: new Date() })));
    return standing(user, input.postId);
  });
}

export const publishPostAction = statusChange(postWriteSchema, publishPost);
export const schedulePostAction = statusChange(schedulePostSchema, schedulePost);
export const redatePostAction = statusChange(schedulePostSchema, redatePost);
export const unpublishPostAction = statusChange(postWriteSchema, unpublishPost);
/** Update: the pending version of a live post goes out to readers. */
export const updatePostAction = statusChange(postWriteSchema, updateLivePost);
export const discardChangesAction = statusChange(postWriteSchema, discardPendingEdit);
export const trashPostAction = statusChange(postWriteSchema, trashPost);
export const restorePostAction = statusChange(postWriteSchema, restorePost);

/** "Allow comments" applies to the live post at once: its page shows the form, or says they are closed. */
export const setCommentsOpenAction = dashboardAction({ schema: commentsSwitchSchema }, async ({ postId, open }, user, { expire }) => {
  const saved = await setCommentsOpen({ user, postId, open });
  expire(commentsSwitched(postId));
  return saved;
});

export const deletePostForeverAction = dashboardAction({ schema: postWriteSchema }, async (input, user, { expire }) => {
  expire(postWritten(await deletePostForever({ user, ...input })));
  return { deleted: true };
});

/** The post as stored now: for the editor's side-by-side view after a conflict. */
export const getPostForEditingAction = dashboardAction({ schema: postIdSchema }, (input, user) => getPostForEditing({ user, ...input }));
