"use server";

import { refresh } from "next/cache";
import { adminAction, formAction } from "@/lib/action-client";
import { discardGivenUpNotices, retryGivenUpNotices } from "@/lib/notifications/given-up";
import { givenUpNoticesSchema } from "@/lib/validation/mail-notices";

const notices = (count: number) => (count === 1 ? "1 notice" : `${count} notices`);

// Only the dashboard shows the queue, so no reader page's cache changes; the list is refreshed.
export const handleGivenUpNotices = formAction(
  adminAction(
    { schema: givenUpNoticesSchema },
    async ({ choice }) => {
      const count = choice === "retry" ? await retryGivenUpNotices(new Date()) : await discardGivenUpNotices();
      refresh();
      return { choice, count };
    },
    { message: ({ choice, count }) => (choice === "retry" ? `${notices(count)} will be sent again within seconds.` : `${notices(count)} discarded.`) },
  ),
);
