"use client";

import { SomethingWentWrong } from "@/components/errors/something-went-wrong";
import "./globals.css";

// When even the root layout failed, this replaces the whole document, so it brings its own.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body>
        <title>This page could not load just now</title>
        <SomethingWentWrong onRetry={reset} />
      </body>
    </html>
  );
}
