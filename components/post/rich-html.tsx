// The only place stored HTML reaches the page. It was sanitized with lib/html.ts's allowlist
// when it was written, so it is rendered as it is.
export function RichHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
