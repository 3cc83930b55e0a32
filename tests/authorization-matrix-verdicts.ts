import { redirectTarget } from "./support/next-request";

/**
 * Who calls: nobody, each kind of account, the author after an admin made them a reader again
 * (their posts and comments are still theirs), the author's cookie copied before they signed out
 * everywhere, and the server's own tools (the secret, no session).
 */
export const CALLERS = ["signedOut", "reader", "otherAuthor", "author", "demotedAuthor", "admin", "disabled", "endedSession", "serverTools"] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * What a call's answer amounts to. Allowed: it did what was asked (ok, a 2xx or 3xx, or a redirect
 * onward); invalid: past every check of who is asking, it refused the input (a 4xx with a reason,
 * or field errors). The rest are refusals: sign-in (treated as signed out: "session has ended", a
 * redirect to sign in and back, 401), forbidden (403, FORBIDDEN), not-found (NOT_FOUND or 404,
 * which is how another author's things answer), refused (a reader-side rule said no, with a message).
 */
export type Verdict = "allowed" | "invalid" | "sign-in" | "forbidden" | "not-found" | "refused";

const SESSION_ENDED = /session has ended/i;
const CODES: Record<string, Verdict> = { UNAUTHENTICATED: "sign-in", FORBIDDEN: "forbidden", NOT_FOUND: "not-found", INVALID: "invalid" };
const STATUSES: Record<number, Verdict> = { 400: "invalid", 401: "sign-in", 403: "forbidden", 404: "not-found", 413: "invalid", 415: "invalid" };

/** The verdict, or a description of an answer that fits none (which then fails the entry). */
export function verdictOf(outcome: PromiseSettledResult<unknown>): Verdict | string {
  if (outcome.status === "rejected") return thrownVerdict(outcome.reason);
  const answer = outcome.value;
  if (answer instanceof Response) return answer.status < 400 ? "allowed" : (STATUSES[answer.status] ?? `status ${answer.status}`);
  if (typeof answer !== "object" || answer === null) return `answered ${String(answer)}`;
  const { ok, code, message, errors, signedOut } = answer as { ok?: boolean; code?: string; message?: string; errors?: object; signedOut?: boolean };
  if (ok === true || signedOut === true) return "allowed";
  if (code) return CODES[code] ?? `code ${code}: ${message}`;
  if (message && SESSION_ENDED.test(message)) return "sign-in";
  if (errors) return "invalid";
  // A form that keeps its answer for a post without JavaScript (lib/form-flash.ts) keeps the words, not the code.
  if (message === "You are not allowed to do that.") return "forbidden";
  return ok === false && message ? "refused" : `answered ${JSON.stringify(answer)}`;
}

function thrownVerdict(error: unknown): Verdict | string {
  const target = redirectTarget(error);
  // Sent to sign in and come back: the caller counts as signed out. Any other redirect goes on
  // to what was done (the new draft, the sign-in page after signing up or a reset, ...).
  if (target !== null) return target.startsWith("/sign-in?callbackUrl=") ? "sign-in" : "allowed";
  const message = error instanceof Error ? error.message : String(error);
  // createDraftAction (a plain form with nowhere to show an answer) throws the refusal's message.
  if (SESSION_ENDED.test(message)) return "sign-in";
  if (message === "You are not allowed to do that.") return "forbidden";
  return `threw ${message}`;
}
