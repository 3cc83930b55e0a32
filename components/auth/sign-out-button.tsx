"use client";

import { useActionState, useEffect } from "react";
import { signOut } from "@/lib/actions/sign-out";

export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  const [state, action, pending] = useActionState(signOut, { signedOut: false });
  useEffect(() => {
    // A full load on purpose: every part of the page that knew the reader starts again signed out.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (state.signedOut) window.location.assign("/");
  }, [state.signedOut]);
  return (
    <form action={action} className="sign-out-form">
      <button type="submit" className="link-button" disabled={pending}>
        {label}
      </button>
      {state.message && !pending && (
        <span className="form-error" role="alert">
          {" "}
          {state.message}
        </span>
      )}
    </form>
  );
}
