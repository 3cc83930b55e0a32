import "server-only";
import Assembler from "stream-json/Assembler";
import Parser from "stream-json/Parser";
import { Transform, type TransformCallback } from "node:stream";
import { ImportFileError } from "../records";

/** A top-level value of the document, whole; or, for a top-level array, its start and then its elements one by one. */
export type TopLevelPart =
  | { kind: "value"; key: string; value: unknown }
  | { kind: "arrayStart"; section: string }
  | { kind: "element"; section: string; index: number; value: unknown };

const PARSE_ERROR = "parseError";

interface Token {
  name: string;
  value?: string;
}

/**
 * Reads a JSON object from a byte stream, yielding its top-level values one by one, except that
 * arrays come element by element: the file is never held whole, only one element at a time.
 */
export async function* readTopLevel(input: NodeJS.ReadableStream): AsyncGenerator<TopLevelPart> {
  const parser = new Parser({ streamValues: false });
  const batches = new TokenBatches();
  const end = { line: 1, column: 1 };
  const count = (chunk: Buffer | string) => advance(end, chunk.toString());
  // A failure to read the file is not the file's fault: it is thrown as it is.
  const fail = (error: Error) => batches.destroy(error);
  input.on("data", count);
  input.on("error", fail);
  input.pipe(parser);
  // A parse error travels behind the tokens before it, so it is reported where the parser stopped.
  parser.on("error", (error: Error) => batches.end({ name: PARSE_ERROR, value: error.message }));
  parser.pipe(batches);
  const cutOff = () => new ImportFileError(`The file ends too soon, near ${where()}: it is cut off (an incomplete download or copy?)`, end.line, end.column);

  let started = false;
  let finished = false;
  let key: string | null = null;
  let section: { name: string; index: number } | null = null;
  let assembler: Assembler | null = null;
  const where = () => (section ? `${section.name}[${section.index}]` : key === null ? "the top level" : `"${key}"`);

  try {
    for await (const tokens of batches as AsyncIterable<Token[]>) for (const token of tokens) {
      if (token.name === PARSE_ERROR) throw parseError(token.value ?? "");
      if (finished) throw new ImportFileError("The file goes on after the export's closing brace.");
      if (!started) {
        if (token.name !== "startObject") throw new ImportFileError("This is not a Longhand export: the file is JSON but not an object.");
        started = true;
      } else if (assembler) {
        assembler.consume(token);
      } else if (section) {
        if (token.name === "endArray") [section, key] = [null, null];
        else assembler = startValue(token);
      } else if (token.name === "keyValue") {
        key = token.value ?? "";
      } else if (token.name === "endObject") {
        finished = true;
      } else if (token.name === "startArray") {
        section = { name: key ?? "", index: 0 };
        yield { kind: "arrayStart", section: section.name };
      } else {
        assembler = startValue(token);
      }
      // A scalar is whole as soon as it starts, an object or array at its last token.
      if (assembler?.done) {
        const value: unknown = assembler.current;
        assembler = null;
        yield finishValue(value);
      }
    }
  } finally {
    // A refused file is not read to its end: the caller closes it.
    input.unpipe(parser);
    input.removeListener("data", count);
    input.removeListener("error", fail);
    input.pause();
  }
  if (!started) throw new ImportFileError("The file is empty.");
  if (!finished) throw cutOff();

  function parseError(message: string): ImportFileError {
    // stream-json says "Parser has expected …" when the input ended where more had to come.
    if (message.startsWith("Parser has ")) return cutOff();
    return new ImportFileError(`The file is not valid JSON at ${where()}: ${message.replace(/^Parser cannot parse input: /, "")}.`);
  }

  function finishValue(value: unknown): TopLevelPart {
    if (!section) {
      const part: TopLevelPart = { kind: "value", key: key ?? "", value };
      key = null;
      return part;
    }
    return { kind: "element", section: section.name, index: section.index++, value };
  }
}

/** Hands tokens on a thousand at a time: awaiting each of a file's millions of tokens alone would take longer than parsing them. */
class TokenBatches extends Transform {
  private batch: Token[] = [];

  constructor() {
    super({ objectMode: true });
  }

  override _transform(token: Token, _encoding: BufferEncoding, done: TransformCallback): void {
    this.batch.push(token);
    if (this.batch.length >= 1000) this.flushBatch();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.batch.length > 0) this.flushBatch();
    done();
  }

  private flushBatch(): void {
    this.push(this.batch);
    this.batch = [];
  }
}

function startValue(token: Token): Assembler {
  return new Assembler().consume(token);
}

/** Moves a position past some text: stream-json does not say where it stopped, so the reader tracks where the file ends. */
function advance(position: { line: number; column: number }, text: string): void {
  const lines = text.split("\n");
  position.line += lines.length - 1;
  position.column = (lines.length > 1 ? 1 : position.column) + lines.at(-1)!.length;
}
