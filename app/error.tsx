"use client";

import { SomethingWentWrong } from "@/components/errors/something-went-wrong";

// A page that failed while rendering: a plain explanation in the site's own style, and a retry.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SomethingWentWrong onRetry={reset} />;
}
