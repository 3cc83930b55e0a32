"use server";
import { refresh } from "next/cache";
import { dashboardAction, formAction } from "@/lib/action-client";
import type { ActionResult } from "@/lib/action-state";
import { staticPageChanged } from "@/lib/cache-invalidation";
import type { DashboardUser } from "@/lib/dashboard/access";
import { createPage } from "@/lib/static-pages/create";
import { deletePage } from "@/lib/static-pages/delete";
import { discardPendingPageEdit, updateLivePage } from "@/lib/static-pages/pending";
import { publishPage, unpublishPage } from "@/lib/static-pages/publish";
import { savePage } from "@/lib/static-pages/save";
import { deletePageSchema, pageContentSchema, pageIdSchema, savePageSchema } from "@/lib/validation/static-pages";

export type PageField = "title" | "slug" | "bodyHtml";
/** The page form's state: null until it is sent; creating goes on to the new page instead. */
export type PageFormState = ActionResult<unknown, PageField | "pageId" | "expectedVersion"> | null;
/** Publish, unpublish and delete: only a failure, or a success message, comes back. */
export type PageCommandState = ActionResult<unknown> | null;

export const createPageAction = formAction(
  dashboardAction(
    { schema: pageContentSchema },
    (content, user) => createPage({ user, content, now: new Date() }),
    { redirectTo: ({ id }) => `/dashboard/pages/${encodeURIComponent(id)}` },
  ),
);

export const savePageAction = formAction(
  dashboardAction(
    { schema: savePageSchema },
    async ({ pageId, expectedVersion, ...content }, user) => {
      // A published page's save is pending: readers see nothing new, so no tag expires.
      const saved = await savePage({ user, pageId, expectedVersion, content, now: new Date() });
      // The form's next save names the new version, which the page renders again with.
      refresh();
      return saved;
    },
    { message: ({ pending }) => (pending ? "Saved. Readers see the change once you press Update." : "Saved.") },
  ),
);

/** A change readers see at once (Update, Publish, Unpublish): the rule, then the pages tag, then the form again. */
function liveChange(change: (options: { user: DashboardUser; pageId: string; now: Date }) => Promise<unknown>, done: string) {
  return formAction(
    dashboardAction(
      { schema: pageIdSchema },
      async ({ pageId }, user, { expire }) => {
        await change({ user, pageId, now: new Date() });
        expire(staticPageChanged());
        refresh();
        return null;
      },
      { message: () => done },
    ),
  );
}

export const updatePageAction = liveChange(updateLivePage, "Updated: readers see the new version now.");
export const publishPageAction = liveChange(publishPage, "Published: readers see the page now.");
export const unpublishPageAction = liveChange(unpublishPage, "Unpublished: the page is a draft again.");

export const discardPageChangesAction = formAction(
  dashboardAction(
    { schema: pageIdSchema },
    async ({ pageId }, user) => {
      await discardPendingPageEdit({ user, pageId });
      refresh();
      return null;
    },
    { message: () => "Changes discarded: the form shows the live page again." },
  ),
);

export const deletePageAction = formAction(
  dashboardAction(
    { schema: deletePageSchema },
    async ({ pageId }, user, { expire }) => {
      const deleted = await deletePage({ user, pageId });
      if (deleted.readersMaySeeIt) expire(staticPageChanged());
      return null;
    },
    { redirectTo: () => "/dashboard/pages" },
  ),
);
