"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { fetchViewer } from "@/components/blog/viewer-client";

/**
 * "Signed in as …" in the blog's header. The header is part of every cached reader page, so who
 * is reading is asked for once the page runs (and again after each navigation, since the header
 * stays while pages change); the prerendered page, and a reader without JavaScript, show "Sign in".
 */
export function AccountStatus() {
  const pathname = usePathname();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void fetchViewer().then((viewer) => current && setName(viewer?.user?.name ?? null));
    return () => {
      current = false;
    };
  }, [pathname]);
  return (
    <div className="account-status">
      {name === null ? (
        <Link href="/sign-in">Sign in</Link>
      ) : (
        <>
          <span>
            Signed in as <Link href="/profile">{name}</Link>
          </span>
          <SignOutButton />
        </>
      )}
    </div>
  );
}
