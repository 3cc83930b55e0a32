import "server-only";
import { diffWords } from "diff";
import { htmlToText } from "@/lib/html";

export type DiffPart = { change: "same" | "added" | "removed"; text: string };

// Where a block of text ends in stored HTML: the diff keeps these as line breaks so it reads as
// paragraphs rather than as one run of words.
const BLOCK_END = /(?<=<\/(?:p|h[2-4]|li|blockquote|pre|figcaption|tr)>)/;
const LINE_BREAK = /<br\s*\/?>/;

/** A body's plain text with a blank line between paragraphs and a newline for each <br>. */
export function bodyTextForDiff(bodyHtml: string): string {
  return bodyHtml
    .split(BLOCK_END)
    .map((block) => block.split(LINE_BREAK).map(htmlToText).join("\n").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Word by word, from `before` to `after`. */
export function diffText(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    change: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

export const hasChanges = (parts: DiffPart[]) => parts.some((part) => part.change !== "same");

interface Content {
  title: string;
  bodyHtml: string;
  excerpt: string | null;
}

/** What changed from a revision to the post's current content. */
export function diffRevisionWithCurrent(revision: Content, current: Content) {
  return {
    title: diffText(revision.title, current.title),
    body: diffText(bodyTextForDiff(revision.bodyHtml), bodyTextForDiff(current.bodyHtml)),
    excerpt: diffText(revision.excerpt ?? "", current.excerpt ?? ""),
  };
}
