import type { CommentFormState } from "@/lib/actions/comments";
import type { Messages } from "@/lib/messages";
import { COMMENT_MAX_LENGTH, guestValues } from "@/lib/validation/comments";

/**
 * A comment form's state when its call got no answer (withFailureState), its text kept, in the
 * blog's words `t`. A body past the limit is the likely cause (the server refuses one past 1 MB
 * before the action runs), so say so.
 */
export const commentNotSent =
  ({ refusals }: Messages) =>
  (formData: FormData): CommentFormState => {
    const body = String(formData.get("body") ?? "");
    const tooLong = body.trim().length > COMMENT_MAX_LENGTH;
    return { ok: false, message: tooLong ? refusals.tooLongToSend : refusals.couldNotSave, body, values: guestValues(formData) };
  };
