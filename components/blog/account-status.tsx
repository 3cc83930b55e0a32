import Link from "next/link";
import { Suspense } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/session";

/**
 * "Signed in as …" in the blog's header. Who is reading is known only per request, so it is a
 * hole in the prerendered page: the shell (and a reader without JavaScript) shows "Sign in".
 */
export function AccountStatus() {
  return (
    <div className="account-status">
      <Suspense fallback={<SignInLink />}>
        <SignedInAs />
      </Suspense>
    </div>
  );
}

function SignInLink() {
  return <Link href="/sign-in">Sign in</Link>;
}

async function SignedInAs() {
  const user = await getCurrentUser();
  if (!user) return <SignInLink />;
  return (
    <>
      <span>
        Signed in as <Link href="/profile">{user.name}</Link>
      </span>
      <SignOutButton />
    </>
  );
}
