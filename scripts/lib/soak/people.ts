import { answered, Browser } from "./browser";
import { randomItem } from "./random";
import type { SoakAccount } from "./seed";
import type { RequestStats } from "./stats";

/** A simulated person: an account, their browser (cookies, address), and what they did lately. */
export interface Person {
  account: SoakAccount;
  browser: Browser;
  /** Another worker is acting as this person; one request at a time per person, as in a browser tab. */
  busy: boolean;
  signedIn: boolean;
  lastSignInAt: number;
  /** When this person last sent comments and edits: the soak keeps under the blog's limits of 5 a minute for each. */
  commentTimes: number[];
  editTimes: number[];
}

// The server allows 5 a minute of each; 4 in a little over a minute leaves room for clock edges,
// so a "rate limited" answer means the limit misjudged, not that the soak overran it.
const PER_MINUTE = 4;
const MINUTE_MS = 65_000;
// Sign-in allows 5 a minute and 10 a quarter of an hour per account and address.
export const SIGN_IN_EVERY_MS = 100_000;

export function makePerson(account: SoakAccount, origin: string, timeoutMs: number): Person {
  return { account, browser: new Browser(origin, account.address, timeoutMs), busy: false, signedIn: false, lastSignInAt: 0, commentTimes: [], editTimes: [] };
}

/** Whether this person may send one more of these (comments, or edits) now, keeping under the limit. */
export function withinPace(times: number[], now = Date.now()): boolean {
  while (times.length && now - times[0]! > MINUTE_MS) times.shift();
  return times.length < PER_MINUTE;
}

/** A random free person who passes the test, marked busy until `release`; undefined when none does. */
export function borrow(people: Person[], usable: (person: Person) => boolean): Person | undefined {
  const person = randomItem(people.filter((candidate) => !candidate.busy && usable(candidate)));
  if (person) person.busy = true;
  return person;
}

/**
 * Signs in as the sign-in form does without JavaScript: next-auth's CSRF token, then the
 * credentials callback with it, keeping the session cookie. Earlier cookies go first, so a
 * repeated sign-in starts a new session as a fresh browser would.
 */
export async function signIn(person: Person, stats: RequestStats): Promise<void> {
  const { browser, account } = person;
  browser.forgetCookies();
  person.signedIn = false;
  person.lastSignInAt = Date.now();
  const csrf = await browser.request("/api/auth/csrf");
  stats.record("GET /api/auth/csrf", "/api/auth/csrf", csrf);
  if (!answered(csrf) || csrf.status !== 200) return;
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email: account.email, password: account.password, callbackUrl: "/" });
  const answer = await browser.request("/api/auth/callback/credentials", { method: "POST", body: form });
  const location = answered(answer) ? (answer.headers.get("location") ?? "") : "";
  stats.record("POST sign-in", "/api/auth/callback/credentials", answer, { rateLimited: location.includes("RateLimited") });
  person.signedIn = answered(answer) && answer.status === 302 && !location.includes("error=") && browser.hasCookie("session-token");
}
