// Holding back a response's body so server.mjs can replace it before it is sent (the blank 404's
// whole page, the outage's 503). Plain JavaScript: server.mjs loads it.

/**
 * Keeps what Next writes while `holding()` says so and the head has not gone out; at the end the
 * whole body goes to `finish(body, done)`, which sends it (or another) with `response.end`. As soon
 * as `holding()` is false, writes go through untouched. Must wrap the response after compression
 * does, so it sees the bytes before they are zipped. Returns what puts the response back.
 */
export function holdResponseBody(response, { holding, finish }) {
  const { write, end } = response;
  const held = [];
  const release = () => Object.assign(response, { write, end });
  response.write = function writeHeld(chunk, encoding, callback) {
    if (response.headersSent || !holding()) {
      release();
      return response.write(chunk, encoding, callback);
    }
    held.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : undefined));
    if (typeof encoding === "function") encoding();
    else callback?.();
    return true;
  };
  response.end = function endHeld(chunk, encoding, callback) {
    release();
    if (response.headersSent || !holding()) return response.end(chunk, encoding, callback);
    if (chunk != null && typeof chunk !== "function") held.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : undefined));
    const done = [chunk, encoding, callback].find((argument) => typeof argument === "function");
    return finish(Buffer.concat(held), done);
  };
  return release;
}
