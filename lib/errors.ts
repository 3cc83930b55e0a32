import "server-only";
import { DEFAULT_LOCALE, messagesFor, type Messages } from "@/lib/messages";

/**
 * Why a write was refused. CLOSED: comments closed on the post or the blog, or something this blog
 * cannot do (password resets without email); RATE_LIMITED: too many too fast (comments, sign-ups,
 * reset mails, guesses at a password); EDIT_WINDOW_OVER: a comment edit after its 15 minutes.
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

/**
 * A refusal a reader page's form shows, in every language the blog offers (lib/messages.ts): the
 * action client says it in the words its action was given (ActionOptions.messages), anyone else
 * (logs, tests, the dashboard) reads the English message.
 */
export class ReaderError extends AppError {
  constructor(
    code: AppErrorCode,
    readonly say: (t: Messages) => string,
  ) {
    super(code, say(messagesFor(DEFAULT_LOCALE)));
    this.name = "ReaderError";
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

/** Fields refused by a rule that needs what the action read first (a new password against the account's email, a writer's name): shown at each field. */
export class InvalidFieldsError extends ReaderError {
  constructor(readonly errors: Record<string, string[]>) {
    super("INVALID", (t) => t.refusals.correctFields);
    this.name = "InvalidFieldsError";
  }
}
