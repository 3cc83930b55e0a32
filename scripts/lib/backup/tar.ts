// The backup's container: a POSIX ustar archive of regular files, so `tar tf` lists it and
// `tar xf` unpacks it anywhere. Written and read here because only regular files with short
// names are ever needed, and a dependency for that would be larger than this file.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";

const BLOCK = 512;
const NAME_FIELD = 100;

export class TarFormatError extends Error {
  name = "TarFormatError";
}

const paddingFor = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

function header(name: string, size: number, modifiedAt: Date): Buffer {
  if (Buffer.byteLength(name) > NAME_FIELD) throw new TarFormatError(`${name} is longer than a tar name can be`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, "utf8");
  block.write(octal(0o644, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(Math.floor(modifiedAt.getTime() / 1000), 12), 136, "ascii");
  block.write("        ", 148, "ascii");
  block.write("0", 156, "ascii");
  block.write("ustar\u000000", 257, "ascii");
  block.write(octal(checksumOf(block), 7), 148, "ascii");
  return block;
}

const checksumOf = (block: Buffer) => block.reduce((sum, byte, index) => sum + (index >= 148 && index < 156 ? 0x20 : byte), 0);

export interface WrittenEntry {
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * Writes entries one after another into an open file. An entry's size is not known until its
 * content has streamed through, so its header is written last, into the block kept for it.
 */
export class TarWriter {
  private position = 0;

  constructor(private readonly file: FileHandle) {}

  async add(name: string, content: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, modifiedAt = new Date()): Promise<WrittenEntry> {
    const headerAt = this.position;
    this.position += BLOCK;
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const piece of content) {
      const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
      hash.update(chunk);
      await this.file.write(chunk, 0, chunk.length, this.position + bytes);
      bytes += chunk.length;
    }
    this.position += bytes;
    await this.file.write(Buffer.alloc(paddingFor(bytes)), 0, paddingFor(bytes), this.position);
    this.position += paddingFor(bytes);
    await this.file.write(header(name, bytes, modifiedAt), 0, BLOCK, headerAt);
    return { name, bytes, sha256: hash.digest("hex") };
  }

  /** The two empty blocks that end an archive. */
  async finish(): Promise<void> {
    await this.file.write(Buffer.alloc(2 * BLOCK), 0, 2 * BLOCK, this.position);
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where its content starts in the archive. */
  offset: number;
}

/** The entries of an archive by name, from their headers alone (checked, but their content is not read). */
export async function readTarIndex(file: FileHandle): Promise<Map<string, TarEntry>> {
  const { size: fileSize } = await file.stat();
  const entries = new Map<string, TarEntry>();
  const block = Buffer.alloc(BLOCK);
  for (let position = 0; ; ) {
    const { bytesRead } = await file.read(block, 0, BLOCK, position);
    if (bytesRead < BLOCK) throw new TarFormatError("the archive ends in the middle of a header");
    if (block.every((byte) => byte === 0)) return entries;
    if (Number.parseInt(block.toString("ascii", 148, 156), 8) !== checksumOf(block)) throw new TarFormatError(`the header at byte ${position} is damaged`);
    const name = block.toString("utf8", 0, NAME_FIELD).replace(/\0.*$/s, "");
    const size = Number.parseInt(block.toString("ascii", 124, 136), 8);
    const type = block.toString("ascii", 156, 157);
    if (type !== "0" && type !== "\0") throw new TarFormatError(`${name} is not a regular file`);
    if (position + BLOCK + size > fileSize) throw new TarFormatError(`${name} is cut short`);
    if (entries.has(name)) throw new TarFormatError(`${name} is in the archive twice`);
    entries.set(name, { name, size, offset: position + BLOCK });
    position += BLOCK + size + paddingFor(size);
  }
}

/** An entry's content as a stream of chunks. */
export function readTarEntry(path: string, entry: TarEntry): AsyncIterable<Buffer> {
  if (entry.size === 0) return (async function* () {})();
  return createReadStream(path, { start: entry.offset, end: entry.offset + entry.size - 1 });
}
