"use client";
import { useEffect, useRef } from "react";

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
 * own /api/auth/csrf then sets one and tells its token, so cookie and form agree again. A form
 * sent before that answer arrives waits for it.
 */
export function CsrfTokenInput({ token }: { token: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const field = input.current;
    const form = field?.form;
    if (!field || !form) return;
    let fresh = false;
    const refreshed = currentCsrfToken().then((value) => {
      field.value = value;
      fresh = true;
    });
    const waitForToken = (event: SubmitEvent) => {
      if (fresh) return;
      event.preventDefault();
      void refreshed.then(() => form.requestSubmit(event.submitter));
    };
    form.addEventListener("submit", waitForToken);
    return () => form.removeEventListener("submit", waitForToken);
  }, []);
  return <input ref={input} type="hidden" name="csrfToken" defaultValue={token} />;
}
