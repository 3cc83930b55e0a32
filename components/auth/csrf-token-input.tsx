"use client";
import { useEffect, useState } from "react";

let pending: Promise<string> | undefined;

// One request for all the forms a page shows at once; a later page asks afresh.
function currentCsrfToken(): Promise<string> {
  pending ??= fetch("/api/auth/csrf", { cache: "no-store" })
    .then((response) => response.json() as Promise<{ csrfToken: string }>)
    .then((body) => body.csrfToken)
    .finally(() => {
      pending = undefined;
    });
  return pending;
}

/**
 * next-auth's CSRF token for a form that posts to it. The server renders the token from the
 * cookie proxy.ts set. With JavaScript the page may have arrived by client-side navigation, whose
 * response (a server action's redirect, say) never set that cookie in the browser; next-auth's
 * own /api/auth/csrf then sets one and tells its token, so cookie and form agree again.
 */
export function CsrfTokenInput({ token }: { token: string }) {
  const [value, setValue] = useState(token);
  useEffect(() => {
    let active = true;
    void currentCsrfToken().then((fresh) => active && setValue(fresh));
    return () => {
      active = false;
    };
  }, []);
  return <input type="hidden" name="csrfToken" value={value} />;
}
