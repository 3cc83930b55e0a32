import { z } from "zod";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Right-to-left overrides, embeddings and isolates: in a name they can make "yrellE eiggaM" read
// as a writer's name, or flip the words around it ("said...").
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * Text as PostgreSQL can keep it. A text column refuses NUL outright (the whole write would fail),
 * and a lone surrogate half has no UTF-8 form: U+FFFD stands in, as the driver would write it.
 */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");
}

/** A string from a person, made storable before any other check (chain `.trim()`, `.max()` after). */
export const text = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(storableText);

/** True when the text holds no character that reorders the text around it. */
export const hasNoBidiControls = (value: string) => !BIDI_CONTROLS.test(value);

/** A form's checkbox: sent as "on" when ticked, left out of the form when not. */
export const checkbox = z.preprocess((value) => value === "on" || value === true, z.boolean());
