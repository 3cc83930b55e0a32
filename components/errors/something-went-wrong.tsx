import Link from "next/link";
import { type Locale, messagesFor } from "@/lib/messages";

/**
 * What a reader or writer sees when a page fails on the server (say the database is away): what
 * happened in plain words and what to do, never the error's own text (that goes to the server log).
 */
export function SomethingWentWrong({ onRetry, locale }: { onRetry: () => void; locale: Locale }) {
  const t = messagesFor(locale);
  return (
    <main id="content" className="error-page" lang={locale}>
      <h1>{t.pageCouldNotLoad}</h1>
      <p>{t.wentWrongOnOurSide}</p>
      <p>{t.formsKeepText}</p>
      <p className="error-page-actions">
        <button type="button" className="button" onClick={onRetry}>
          {t.tryAgain}
        </button>
        <Link href="/">{t.goToHomePage}</Link>
      </p>
    </main>
  );
}
