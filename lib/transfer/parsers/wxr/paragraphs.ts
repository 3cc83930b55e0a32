import "server-only";

// WordPress's classic editor stores paragraphs as blank lines and adds <p> only when showing a
// post (wpautop). Content that already has block-level markup was written as HTML and is kept.
const BLOCK_TAG = /<(?:p|div|h[1-6]|ul|ol|dl|blockquote|pre|table|figure|hr|section|article|aside|header|footer|address|details|form|fieldset)[\s/>]/i;

/** HTML as WordPress would show it: blank-line paragraphs become <p>, single line breaks <br>. */
export function withParagraphs(content: string): string {
  const text = content.replace(/\r\n?/g, "\n").trim();
  if (text === "" || BLOCK_TAG.test(text)) return text;
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, "<br />\n")}</p>`)
    .join("\n");
}
