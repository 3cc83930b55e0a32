import "server-only";
import { DATABASE_UNAVAILABLE_CODE, RATE_LIMITED_PREFIX } from "@/lib/auth/credentials";
import { describeRetry } from "@/lib/rate-limit";

// next-auth sends failures back as ?error=<code>. Only these codes are ever shown, as our own
// words: the parameter is in the address bar, so anyone can put anything in it.
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password",
  AccessDenied: "This account cannot sign in. If you think that is a mistake, contact the blog's owner.",
  OAuthAccountNotLinked:
    "That email address already has an account here. Sign in the way you did before (for example with your password).",
  Verification: "That sign-in link has expired or has already been used. Ask for a new one below.",
  EmailSignin: "We could not send the sign-in email. Please try again in a few minutes.",
  SessionRequired: "Please sign in to see that page.",
  [DATABASE_UNAVAILABLE_CODE]: "The blog cannot reach its database right now, so nobody can sign in. Please try again in a minute.",
};

const FALLBACK = "Signing in did not work. Please try again.";

/** What the sign-in page says for next-auth's ?error= value, or null when there is none. */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if (code.startsWith(RATE_LIMITED_PREFIX)) {
    const seconds = Number(code.slice(RATE_LIMITED_PREFIX.length));
    if (Number.isInteger(seconds) && seconds > 0) return `Too many sign-in attempts. Try again in ${describeRetry(seconds)}.`;
  }
  return MESSAGES[code] ?? FALLBACK;
}
