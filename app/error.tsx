"use client";

import { useSyncExternalStore } from "react";
import { SomethingWentWrong } from "@/components/errors/something-went-wrong";
import { DEFAULT_LOCALE, knownLocale } from "@/lib/messages";

const unchanging = () => () => {};

// A page that failed while rendering: a plain explanation in the site's own style, and a retry.
// An error boundary cannot read the settings, but the root layout wrote the blog's locale into
// <html lang>; rendered on the server (no document) it says so in English, under its own lang.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(unchanging, () => knownLocale(document.documentElement.lang), () => DEFAULT_LOCALE);
  return <SomethingWentWrong onRetry={reset} locale={locale} />;
}
