"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { createDraftAction } from "@/lib/actions/dashboard/posts";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { fetchViewer, isWriter, type ViewerResponse } from "@/components/blog/viewer-client";
import { type Locale, messagesFor } from "@/lib/messages";

/**
 * "Signed in as …" in the blog's header, with "Dashboard" and "New post" for authors and admins.
 * The header is part of every cached reader page, so who is reading is asked for once the page
 * runs (and again after each navigation, since the header stays while pages change); the
 * prerendered page, and a reader without JavaScript, show "Sign in", which comes back here.
 */
export function AccountStatus({ locale }: { locale: Locale }) {
  const t = messagesFor(locale);
  const pathname = usePathname();
  const [user, setUser] = useState<ViewerResponse["user"]>(null);
  useEffect(() => {
    let current = true;
    void fetchViewer().then((viewer) => current && setUser(viewer?.user ?? null));
    return () => {
      current = false;
    };
  }, [pathname]);
  if (!user) {
    return (
      <div className="account-status">
        <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: pathname })}`}>{t.signIn}</Link>
      </div>
    );
  }
  return (
    <div className="account-status">
      {isWriter(user) && (
        <>
          <Link href="/dashboard">{t.dashboard}</Link>
          {/* The dashboard's own "New post": a draft is made on this POST, then opened in the editor. */}
          <form action={createDraftAction} className="inline-form">
            <button type="submit" className="link-button">
              {t.newPost}
            </button>
          </form>
        </>
      )}
      <span>
        {t.signedInAs} <Link href="/profile">{user.name}</Link>
      </span>
      <SignOutButton label={t.signOut} />
    </div>
  );
}
