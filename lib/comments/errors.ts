import "server-only";

export type CommentErrorCode = "not-found" | "closed" | "forbidden" | "rate-limited" | "edit-window-over";

/** A comment operation that was refused for a reason the writer should be told. */
export class CommentError extends Error {
  constructor(
    readonly code: CommentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CommentError";
  }
}
