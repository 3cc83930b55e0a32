import type { CommentFormState } from "@/lib/actions/comments";
import { COULD_NOT_SAVE } from "@/lib/action-state";
import { COMMENT_MAX_LENGTH, guestValues } from "@/lib/validation/comments";

const TOO_LONG = `That comment is too long to send: keep it to ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters, then try again.`;

/**
 * A comment form's state when its call got no answer (withFailureState), its text kept. A body past
 * the limit is the likely cause (the server refuses one past 1 MB before the action runs), so say so.
 */
export function commentNotSent(formData: FormData): CommentFormState {
  const body = String(formData.get("body") ?? "");
  const tooLong = body.trim().length > COMMENT_MAX_LENGTH;
  return { ok: false, message: tooLong ? TOO_LONG : COULD_NOT_SAVE, body, values: guestValues(formData) };
}
