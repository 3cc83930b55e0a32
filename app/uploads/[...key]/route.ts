import { etagFor, isNotModified } from "@/lib/conditional-get";
import { isStorageKey, uploadStorage } from "@/lib/uploads/storage";

// What is stored under a key never changes (a new upload gets a new key), so browsers and
// proxies may keep it for a year without asking again.
const CACHE_FOREVER = "public, max-age=31536000, immutable";

export async function GET(request: Request, { params }: RouteContext<"/uploads/[...key]">) {
  const key = (await params).key.join("/");
  const file = isStorageKey(key) ? await uploadStorage().get(key) : null;
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

  // The key names the bytes for good, so it makes the ETag without hashing the file each time.
  const etag = etagFor(key);
  const headers = { ETag: etag, "Last-Modified": file.storedAt.toUTCString(), "Cache-Control": CACHE_FOREVER, "X-Content-Type-Options": "nosniff" };
  if (isNotModified(request.headers, { etag, lastModified: file.storedAt })) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...headers, "Content-Type": file.contentType, "Content-Length": String(file.bytes.length) },
  });
}
