import "server-only";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { cookies } from "next/headers";
import { z } from "zod";
import type { CommentFormState } from "@/lib/actions/comments";

// A guest's refused comment, sent without JavaScript, goes to the comment page in cookies (as
// lib/form-flash.ts does for account forms). A comment may hold 4,096 characters, more than one
// cookie takes (about 4 KB each), so the state is compressed and split over a few.
const NAME = "comment-not-posted";
const CHUNK_LENGTH = 3800;
const MAX_CHUNKS = 6;
const FLASH_SECONDS = 30;
const PAGE = "/comment";
// A refused comment's state at its largest (4,096 characters of text, escaped, and the guest's fields).
const MAX_STATE_BYTES = 64 * 1024;

const flashed = z.object({
  ok: z.literal(false),
  message: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
  values: z.record(z.string(), z.string()).optional(),
});

export async function flashRefusedComment(state: CommentFormState): Promise<void> {
  const store = await cookies();
  const packed = deflateRawSync(JSON.stringify(state)).toString("base64url");
  for (let index = 0; index < MAX_CHUNKS; index++) {
    const chunk = packed.slice(index * CHUNK_LENGTH, (index + 1) * CHUNK_LENGTH);
    if (chunk) store.set({ name: `${NAME}-${index}`, value: chunk, maxAge: FLASH_SECONDS, httpOnly: true, sameSite: "lax", path: PAGE });
    // A longer refusal's leftover parts would spoil this one.
    else store.set({ name: `${NAME}-${index}`, value: "", maxAge: 0, path: PAGE });
  }
}

/** The guest's refused comment the last post without JavaScript left for the comment page, if any. */
export async function refusedComment(): Promise<CommentFormState | undefined> {
  const store = await cookies();
  let packed = "";
  for (let index = 0; index < MAX_CHUNKS; index++) packed += store.get(`${NAME}-${index}`)?.value ?? "";
  if (!packed) return undefined;
  try {
    // The cookies are the client's: a few KB that inflate to megabytes are refused, not inflated.
    const state = inflateRawSync(Buffer.from(packed, "base64url"), { maxOutputLength: MAX_STATE_BYTES });
    return flashed.parse(JSON.parse(state.toString("utf8"))) as CommentFormState;
  } catch {
    return undefined;
  }
}
