import type { Messages } from "@/lib/messages";
import { SCHEME_CHOICES } from "@/lib/appearance/scheme";

const LABELS = { light: "schemeLight", dark: "schemeDark", auto: "schemeAutomatic" } as const;

/**
 * Light, dark, or as the reader's device says: a plain form, so it works without JavaScript. The
 * route it posts to keeps the choice in a cookie and sends the reader back to this page.
 */
export function SchemeToggle({ t }: { t: Messages }) {
  return (
    <form method="post" action="/appearance/scheme" className="scheme-toggle">
      <fieldset>
        <legend>{t.colourScheme}</legend>
        {SCHEME_CHOICES.map((scheme) => (
          <button key={scheme} type="submit" name="scheme" value={scheme}>
            {t[LABELS[scheme]]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
