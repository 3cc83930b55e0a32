import type { RevisionKind } from "@/lib/generated/prisma/enums";

/** How the list names why a revision was kept. */
export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  EDIT: "Edited",
  PUBLISH: "Published",
  RESTORE: "Restored",
};
