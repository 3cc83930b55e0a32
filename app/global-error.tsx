"use client";

import { SomethingWentWrong } from "@/components/errors/something-went-wrong";
import { DEFAULT_LOCALE, messagesFor } from "@/lib/messages";
import "./globals.css";

// When even the root layout failed, this replaces the whole document, so it brings its own: in
// English, as the layout that reads the blog's locale is what failed (the database is often away).
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang={DEFAULT_LOCALE}>
      <body>
        <title>{messagesFor(DEFAULT_LOCALE).pageCouldNotLoad}</title>
        <SomethingWentWrong onRetry={reset} locale={DEFAULT_LOCALE} />
      </body>
    </html>
  );
}
