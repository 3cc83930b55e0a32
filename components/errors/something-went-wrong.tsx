import Link from "next/link";

/**
 * What a reader or writer sees when a page fails on the server (say the database is away): what
 * happened in plain words and what to do, never the error's own text (that goes to the server log).
 */
export function SomethingWentWrong({ onRetry }: { onRetry: () => void }) {
  return (
    <main id="content" className="error-page">
      <h1>This page could not load just now</h1>
      <p>Something went wrong on our side, not yours. It is usually over in a moment: try again, or come back shortly.</p>
      <p>Anything you were writing in a form on this site is still in that form: go back to it before you leave.</p>
      <p className="error-page-actions">
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}
