import type { PostStatus } from "@/lib/generated/prisma/enums";

// Pages share the posts' status type; they are never scheduled.
export const PAGE_STATUS_LABELS: Record<PostStatus, string> = {
  DRAFT: "Draft",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
};
