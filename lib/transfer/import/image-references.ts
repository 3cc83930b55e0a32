import "server-only";
import { QuoteType, Tokenizer } from "htmlparser2";

/** An `<img src>` or `<a href>` in a body: its value with entities decoded, and where its raw text lies. */
export interface AttributeReference {
  tag: "img" | "a";
  value: string;
  /** The raw value is html.slice(start, end), between the quotes if it has any. */
  start: number;
  end: number;
}

const WATCHED = { img: "src", a: "href" } as const;
const isWatchedTag = (name: string): name is keyof typeof WATCHED => Object.hasOwn(WATCHED, name);

/**
 * Every `<img src>` and `<a href>` in the HTML, found by the same tokenizer sanitize-html parses
 * with, so text, comments and scripts that merely look like tags are not mistaken for them. Only
 * an attribute's first occurrence on a tag counts, as browsers and the sanitizer read it.
 */
export function findImageReferences(html: string): AttributeReference[] {
  const references: AttributeReference[] = [];
  let tag: keyof typeof WATCHED | null = null;
  let attribute: { name: string; nameEnd: number; value: string } | null = null;
  let seenOnTag = false;

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        const name = html.slice(start, end).toLowerCase();
        tag = isWatchedTag(name) ? name : null;
        seenOnTag = false;
      },
      onattribname(start, end) {
        attribute = { name: html.slice(start, end).toLowerCase(), nameEnd: end, value: "" };
      },
      onattribdata(start, end) {
        if (attribute) attribute.value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute) attribute.value += String.fromCodePoint(codepoint);
      },
      onattribend(quote, endIndex) {
        if (tag && attribute && attribute.name === WATCHED[tag] && !seenOnTag) {
          seenOnTag = true;
          if (quote !== QuoteType.NoValue) {
            const end = quote === QuoteType.Unquoted ? endIndex : endIndex - 1;
            references.push({ tag, value: attribute.value, start: valueStart(html, attribute.nameEnd), end });
          }
        }
        attribute = null;
      },
      onopentagend() {
        tag = null;
      },
      onselfclosingtag() {
        tag = null;
      },
      oncdata() {},
      onclosetag() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return references;
}

// After an attribute's name the tokenizer allows whitespace, "=", whitespace and an optional quote
// before the value; the value starts past them.
function valueStart(html: string, nameEnd: number): number {
  const beforeValue = /\s*=\s*["']?/y;
  beforeValue.lastIndex = nameEnd;
  return beforeValue.exec(html) ? beforeValue.lastIndex : nameEnd;
}

/** The HTML with each reference's raw value replaced (by text that needs no escaping), and every other byte as it was. */
export function replaceReferences(html: string, replacements: { reference: AttributeReference; value: string }[]): string {
  const ordered = [...replacements].sort((a, b) => a.reference.start - b.reference.start);
  let result = "";
  let copiedUpTo = 0;
  for (const { reference, value } of ordered) {
    result += html.slice(copiedUpTo, reference.start) + value;
    copiedUpTo = reference.end;
  }
  return result + html.slice(copiedUpTo);
}
