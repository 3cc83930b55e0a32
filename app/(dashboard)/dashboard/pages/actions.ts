"use server";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { expireForWriter, staticPageChanged } from "@/lib/cache-invalidation";
import { dashboardAction, type ActionResult } from "@/lib/dashboard/action-client";
import { createPage } from "@/lib/static-pages/create";
import { deletePage } from "@/lib/static-pages/delete";
import { discardPendingPageEdit, updateLivePage } from "@/lib/static-pages/pending";
import { publishPage, unpublishPage } from "@/lib/static-pages/publish";
import { savePage } from "@/lib/static-pages/save";
import { deletePageSchema, pageContentSchema, pageIdSchema, savePageSchema } from "@/lib/validation/static-pages";

export type PageField = "title" | "slug" | "bodyHtml";
/** The page form's state: null until it is sent; creating goes on to the new page instead. */
export type PageFormState = ActionResult<{ version: number; pending: boolean }, PageField> | null;
/** Publish, unpublish and delete: only a failure, or a success message, comes back. */
export type PageCommandState = ActionResult<unknown> | null;

const create = dashboardAction({ schema: pageContentSchema }, (content, user) => createPage({ user, content, now: new Date() }));

export async function createPageAction(_previous: PageFormState, formData: FormData): Promise<PageFormState> {
  const result = await create(formData);
  if (!result.ok) return result;
  redirect(`/dashboard/pages/${encodeURIComponent(result.data.id)}`);
}

const save = dashboardAction({ schema: savePageSchema }, async ({ pageId, expectedVersion, ...content }, user) => {
  // A published page's save is pending: readers see nothing new, so no tag expires.
  const saved = await savePage({ user, pageId, expectedVersion, content, now: new Date() });
  // The form's next save names the new version, which the page renders again with.
  refresh();
  return saved;
});

export async function savePageAction(_previous: PageFormState, formData: FormData): Promise<PageFormState> {
  const result = await save(formData);
  if (!result.ok) return result;
  return { ...result, message: result.data.pending ? "Saved. Readers see the change once you press Update." : "Saved." };
}

const update = dashboardAction({ schema: pageIdSchema }, async ({ pageId }, user) => {
  await updateLivePage({ user, pageId, now: new Date() });
  expireForWriter(staticPageChanged());
  refresh();
  return null;
});

export async function updatePageAction(_previous: PageCommandState, formData: FormData): Promise<PageCommandState> {
  const result = await update(formData);
  return result.ok ? { ...result, message: "Updated: readers see the new version now." } : result;
}

const discard = dashboardAction({ schema: pageIdSchema }, async ({ pageId }, user) => {
  await discardPendingPageEdit({ user, pageId });
  refresh();
  return null;
});

export async function discardPageChangesAction(_previous: PageCommandState, formData: FormData): Promise<PageCommandState> {
  const result = await discard(formData);
  return result.ok ? { ...result, message: "Changes discarded: the form shows the live page again." } : result;
}

const publish = dashboardAction({ schema: pageIdSchema }, async ({ pageId }, user) => {
  await publishPage({ user, pageId, now: new Date() });
  expireForWriter(staticPageChanged());
  refresh();
  return null;
});

export async function publishPageAction(_previous: PageCommandState, formData: FormData): Promise<PageCommandState> {
  const result = await publish(formData);
  return result.ok ? { ...result, message: "Published: readers see the page now." } : result;
}

const unpublish = dashboardAction({ schema: pageIdSchema }, async ({ pageId }, user) => {
  await unpublishPage({ user, pageId, now: new Date() });
  expireForWriter(staticPageChanged());
  refresh();
  return null;
});

export async function unpublishPageAction(_previous: PageCommandState, formData: FormData): Promise<PageCommandState> {
  const result = await unpublish(formData);
  return result.ok ? { ...result, message: "Unpublished: the page is a draft again." } : result;
}

const remove = dashboardAction({ schema: deletePageSchema }, async ({ pageId }, user) => {
  const deleted = await deletePage({ user, pageId });
  if (deleted.readersMaySeeIt) expireForWriter(staticPageChanged());
  return null;
});

export async function deletePageAction(_previous: PageCommandState, formData: FormData): Promise<PageCommandState> {
  const result = await remove(formData);
  if (!result.ok) return result;
  redirect("/dashboard/pages");
}
