import { unstable_rethrow } from "next/navigation";
import type { CommentFormState } from "@/app/(blog)/[year]/[month]/[slug]/actions";
import { COMMENT_MAX_LENGTH } from "@/lib/validation/comments";

type CommentAction = (previous: CommentFormState, formData: FormData) => Promise<CommentFormState>;

export const COULD_NOT_SAVE = "Could not save, try again.";

/**
 * The action as a comment form (or a comment's button) calls it. A call that never gets a state back (no network, an
 * error page, a 413 for a body past 1 MB) rejects on the client; that would reach the error
 * boundary and lose the text, so it becomes a failure the form shows with the text kept.
 */
export function withFailureState(action: CommentAction): CommentAction {
  return async (previous, formData) => {
    try {
      return await action(previous, formData);
    } catch (error) {
      // A redirect (a session that ended sends the reader to sign in) is Next's to follow.
      unstable_rethrow(error);
      const body = String(formData.get("body") ?? "");
      const tooLong = body.trim().length > COMMENT_MAX_LENGTH;
      return { ok: false, message: tooLong ? TOO_LONG : COULD_NOT_SAVE, body };
    }
  };
}

const TOO_LONG = `That comment is too long to send: keep it to ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters, then try again.`;
