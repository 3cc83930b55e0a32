import type { ReactNode } from "react";
import type { Appearance } from "@/lib/appearance/store";
import { appearanceCss } from "@/lib/appearance/style";
import { etagFor } from "@/lib/conditional-get";

/** The address of the per-reader stylesheet that holds the reader's own light/dark choice (app/appearance/scheme.css/route.ts). */
export const SCHEME_STYLESHEET = "/appearance/scheme.css";

/**
 * The blog's theme around a reader page: its colours and fonts (React moves both stylesheets into
 * the head), and the theme's name for app/themes.css. The page stays one cached document for
 * everyone: a reader's light or dark choice arrives in the small stylesheet of their own.
 */
export function ThemeFrame({ appearance, children }: { appearance: Appearance; children: ReactNode }) {
  const css = appearanceCss(appearance);
  return (
    <>
      <style href={`appearance-${etagFor(css).slice(1, 17)}`} precedence="appearance">
        {css}
      </style>
      <link rel="stylesheet" href={SCHEME_STYLESHEET} precedence="appearance" />
      <div className="theme" data-theme={appearance.theme.toLowerCase()}>
        {children}
      </div>
    </>
  );
}
