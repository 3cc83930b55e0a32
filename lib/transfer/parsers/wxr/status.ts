import "server-only";
import type { PostStatus } from "../../../generated/prisma/enums";

export interface EntryState {
  status: PostStatus;
  trashed: boolean;
  /** Went out on the old blog (to everyone, or privately), so it keeps its publication date. */
  wentOut: boolean;
  /** Was live for everyone, so old links to it may be out there. */
  wasPublic: boolean;
  notes: string[];
}

export interface StatusFacts {
  /** wp:status. */
  status: string;
  noun: "post" | "page";
  /** The status before trashing, from the _wp_trash_meta_status postmeta WordPress keeps. */
  statusBeforeTrash: string | undefined;
  /** wp:post_date_gmt was filled in, which WordPress does when it publishes. */
  hasPublicationDate: boolean;
  passwordProtected: boolean;
}

/** How a WordPress status maps onto ours; null for "inherit" (revisions and attachments' own state), which is not an entry. */
export function entryState(facts: StatusFacts): EntryState | null {
  if (facts.status === "inherit") return null;
  if (facts.status === "trash") {
    const before = facts.statusBeforeTrash ?? (facts.hasPublicationDate ? "publish" : "draft");
    const state = liveState(before === "trash" ? "draft" : before, facts.noun);
    return withPassword({ ...state, trashed: true }, facts);
  }
  return withPassword(liveState(facts.status, facts.noun), facts);
}

function liveState(status: string, noun: "post" | "page"): EntryState {
  const draft = (wentOut: boolean, ...notes: string[]): EntryState => ({ status: "DRAFT", trashed: false, wentOut, wasPublic: false, notes });
  switch (status) {
    case "publish":
      return { status: "PUBLISHED", trashed: false, wentOut: true, wasPublic: true, notes: [] };
    case "future":
      return { status: "SCHEDULED", trashed: false, wentOut: true, wasPublic: false, notes: [] };
    case "draft":
      return draft(false);
    case "pending":
      return draft(false, "pending review: imported as a draft");
    case "auto-draft":
      return draft(false, "auto-draft (never saved by its author): imported as a draft");
    case "private":
      return draft(true, `private ${noun} imported as a draft: Longhand has no private ${noun}s`);
    default:
      return draft(false, `WordPress status "${status}" is not one Longhand knows: imported as a draft`);
  }
}

// Publishing a password-protected post would show it to everyone.
function withPassword(state: EntryState, facts: StatusFacts): EntryState {
  if (!facts.passwordProtected) return state;
  const note = `password-protected ${facts.noun} imported as a draft: Longhand has no passwords`;
  return { ...state, status: "DRAFT", notes: [...state.notes, note] };
}
