import "server-only";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";

/** The largest export the dashboard accepts (the command line has no limit). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export class ImportUploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Export files can be at most ${Math.round(maxBytes / (1024 * 1024))} MB. Import a bigger one with \`npm run import\` on the server.`);
    this.name = "ImportUploadTooLargeError";
  }
}

/**
 * Writes an upload's body to `filePath` as it arrives, counting the bytes actually received (a
 * Content-Length header can lie): past `maxBytes` it stops reading, removes what it wrote and
 * throws ImportUploadTooLargeError. Nothing but the chunk in hand is held in memory.
 * Returns the number of bytes written.
 */
export async function writeUploadLimited(body: ReadableStream<Uint8Array>, filePath: string, maxBytes = MAX_IMPORT_BYTES): Promise<number> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const file = createWriteStream(filePath, { flags: "wx" });
  const reader = body.getReader();
  let received = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      received += chunk.value.byteLength;
      if (received > maxBytes) throw new ImportUploadTooLargeError(maxBytes);
      if (!file.write(chunk.value)) await once(file, "drain");
    }
    file.end();
    await once(file, "finish");
    return received;
  } catch (error) {
    // A write still in flight fails once the file is destroyed (Node 22 and later say so with an
    // error event, which unheard would end the process); the file is removed either way.
    file.on("error", () => {});
    file.destroy();
    await rm(filePath, { force: true });
    throw error;
  } finally {
    reader.releaseLock();
  }
}
