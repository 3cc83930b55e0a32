import "server-only";

/**
 * Reads a body into memory, counting the bytes as they arrive and stopping (the stream cancelled)
 * as soon as they pass `maxBytes`, whatever Content-Length claimed or when there was none (a
 * chunked body): null then, so the caller can answer "too large" without having held it all.
 */
export async function readAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

/**
 * A multipart or urlencoded form read with `readAtMost` (request.formData() would hold the whole
 * body before anyone could check its size): null past `maxBytes`; rejects when it is not a form.
 */
export async function readFormAtMost(request: Request, maxBytes: number): Promise<FormData | null> {
  const body = await readAtMost(request.body, maxBytes);
  if (!body) return null;
  return new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
}
