import "server-only";
import { slugify } from "@/lib/slugify";

// Apart from lib/users/slugs.ts, which writes through the app's client: an import asks through its own.

/** The slugs already held that a name's slug could clash with: its base and its numbered forms. */
export type TakenSlugs = (base: string) => Promise<string[]>;

/**
 * The author page's slug for a name: slugify's, or "author" when nothing is left of it (emoji
 * only), with "-2", "-3"… after it when another account holds it.
 */
export function freeSlugFor(name: string, taken: TakenSlugs): Promise<string> {
  return freeSlugFrom(slugify(name) || "author", taken);
}

/** `base` itself when no account holds it, else the first of "-2", "-3"… after it that is free. */
export async function freeSlugFrom(base: string, taken: TakenSlugs): Promise<string> {
  const held = new Set(await taken(base));
  if (!held.has(base)) return base;
  let number = 2;
  while (held.has(`${base}-${number}`)) number++;
  return `${base}-${number}`;
}
