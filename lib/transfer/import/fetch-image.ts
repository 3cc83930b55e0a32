import "server-only";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/processing";
import { readAtMost } from "@/lib/uploads/read-limited";

export const IMPORTER_USER_AGENT = "Longhand importer";
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** An image that could not be fetched, with the reason a person reads in the import report. */
export class ImageFetchError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ImageFetchError";
  }
}

/** The address as an http or https URL, or null for anything else (relative, data:, mailto:, nonsense). */
export function webUrl(text: string, base?: URL): URL | null {
  try {
    const url = new URL(text, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

const tooLarge = () => new ImageFetchError(`larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`);

/**
 * The bytes at a web address: redirects followed by hand (at most five, and only to http or
 * https), the whole exchange bounded by `timeoutMs`, and reading stopped as soon as the bytes that
 * arrived pass the upload limit, whatever Content-Length claimed.
 */
export async function fetchImageBytes(url: URL, { fetchImage, timeoutMs }: { fetchImage: typeof fetch; timeoutMs: number }): Promise<Buffer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await followRedirects(url, fetchImage, signal);
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImageFetchError(`answered ${response.status}`);
    }
    if (Number(response.headers.get("content-length")) > MAX_UPLOAD_BYTES) {
      await response.body?.cancel();
      throw tooLarge();
    }
    return await readLimited(response);
  } catch (error) {
    if (error instanceof ImageFetchError) throw error;
    if (signal.aborted) throw new ImageFetchError(`timed out after ${timeoutMs / 1000} s`);
    throw new ImageFetchError(`could not be fetched (${networkFailure(error)})`);
  }
}

async function followRedirects(url: URL, fetchImage: typeof fetch, signal: AbortSignal): Promise<Response> {
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    const response = await fetchImage(current, { redirect: "manual", signal, headers: { "user-agent": IMPORTER_USER_AGENT, accept: "image/*" } });
    if (!REDIRECT_STATUSES.has(response.status)) return response;
    await response.body?.cancel();
    if (redirects === MAX_REDIRECTS) throw new ImageFetchError(`redirected more than ${MAX_REDIRECTS} times`);
    const location = response.headers.get("location");
    const next = location ? webUrl(location, current) : null;
    if (!next) throw new ImageFetchError(`redirected to ${location ? `“${location}”, not a web address` : "nowhere"}`);
    current = next;
  }
}

async function readLimited(response: Response): Promise<Buffer> {
  const bytes = await readAtMost(response.body, MAX_UPLOAD_BYTES);
  if (!bytes) throw tooLarge();
  if (bytes.length === 0) throw new ImageFetchError("answered with an empty file");
  return bytes;
}

// fetch says only "fetch failed"; the cause says what happened (ECONNREFUSED, ENOTFOUND, …).
function networkFailure(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return "code" in cause && typeof cause.code === "string" ? cause.code : cause.message;
  return error instanceof Error ? error.message : String(error);
}
