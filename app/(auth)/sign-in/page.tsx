import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CsrfTokenInput } from "@/components/auth/csrf-token-input";
import { callbackUrlCookieName, csrfCookieName, csrfTokenFromCookie } from "@/lib/auth/cookies";
import { emailConfigured, oauthButtons } from "@/lib/auth/providers";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { getCurrentUser } from "@/lib/session";
import { siteOrigin } from "@/lib/site";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

function noticeFor(params: Awaited<SearchParams>): string | null {
  if (firstParam(params.created)) return "If this email is new here, your account is ready: sign in with your email and password. If it already had an account, sign in with that account's password, or reset it.";
  if (firstParam(params.reset)) return "Your password has been changed. Sign in with the new one.";
  if (firstParam(params.confirm)) return "To finish signing up, sign in with the password you chose.";
  return null;
}

// Plain HTML forms that post straight to next-auth (the CSRF cookie they need is set by proxy.ts),
// so signing in works without JavaScript. next-auth answers a failure with a redirect back here
// and ?error=<code>; it forgets the callbackUrl on the way, but keeps it in its callback-url cookie.
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const store = await cookies();
  const callbackUrl = safeCallbackPath(firstParam(params.callbackUrl) ?? store.get(callbackUrlCookieName())?.value, siteOrigin());
  if (await getCurrentUser()) redirect(callbackUrl);

  const csrfToken = csrfTokenFromCookie(store.get(csrfCookieName())?.value) ?? "";
  const error = firstParam(params.csrf) ? "The form had expired. Please try again." : signInErrorMessage(firstParam(params.error));
  const notice = noticeFor(params);
  const confirmationToken = firstParam(params.confirm);
  const withEmail = emailConfigured();
  const providers = oauthButtons();
  const hidden = (
    <>
      <CsrfTokenInput token={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
    </>
  );

  return (
    <>
      <h1>Sign in</h1>
      {notice && (
        <p className="form-message form-message-ok" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="form-message form-message-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/api/auth/callback/credentials" className="auth-form">
        {hidden}
        {confirmationToken && <input type="hidden" name="confirmationToken" value={confirmationToken} />}
        <div className="field">
          <label htmlFor="sign-in-email">Email</label>
          <input id="sign-in-email" name="email" type="email" autoComplete="username" required defaultValue={firstParam(params.email)} />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input id="sign-in-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="button">
          Sign in
        </button>
      </form>
      <p className="auth-links">
        {withEmail && <Link href="/forgot-password">Forgot your password?</Link>}
        <Link href={`/sign-up?${new URLSearchParams({ callbackUrl })}`}>New here? Create an account</Link>
      </p>

      {providers.length > 0 && (
        <section aria-labelledby="other-ways" className="auth-section">
          <h2 id="other-ways">Or sign in with another account</h2>
          {providers.map((provider) => (
            <form key={provider.id} method="post" action={`/api/auth/signin/${provider.id}`} className="oauth-form">
              {hidden}
              <button type="submit" className="button button-secondary">
                {provider.label}
              </button>
            </form>
          ))}
        </section>
      )}

      {withEmail && (
        <section aria-labelledby="email-link" className="auth-section">
          <h2 id="email-link">Or get a sign-in link by email</h2>
          <form method="post" action="/api/auth/signin/email" className="auth-form">
            {hidden}
            <div className="field">
              <label htmlFor="email-link-address">Email</label>
              <input id="email-link-address" name="email" type="email" autoComplete="email" required />
            </div>
            <button type="submit" className="button button-secondary">
              Email me a sign-in link
            </button>
          </form>
        </section>
      )}
    </>
  );
}
