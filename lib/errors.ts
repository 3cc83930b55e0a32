import "server-only";

/**
 * Why a write was refused. CLOSED, RATE_LIMITED and EDIT_WINDOW_OVER are the comment rules': comments
 * closed on the post or the blog, too many too fast, an edit after its 15 minutes.
 */
export type AppErrorCode = "NOT_FOUND" | "CONFLICT" | "INVALID" | "FORBIDDEN" | "CLOSED" | "RATE_LIMITED" | "EDIT_WINDOW_OVER";

/**
 * A failure the person can act on, with a message written for them. Data functions throw these;
 * the action client (lib/action-client.ts) turns them into an action result.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Missing, or not the caller's: both answer the same, so ids cannot be probed. */
export class NotFoundError extends AppError {
  constructor(what = "That item") {
    super("NOT_FOUND", `${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** The thing changed since the caller read it (optimistic concurrency), or a unique value is taken. */
export class ConflictError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
    this.name = "ConflictError";
  }
}

/** A rule about the request as a whole that zod cannot see (say, a time in the past). */
export class InvalidRequestError extends AppError {
  constructor(message: string) {
    super("INVALID", message);
    this.name = "InvalidRequestError";
  }
}
