import type { IncomingMessage, ServerResponse } from "node:http";
import type { DestinationStream } from "pino";

export const REQUEST_ID_HEADER: string;
/** About how many bytes of lines go out in one write. */
export const BATCH_BYTES: number;
export function createAccessLog(options?: {
  env?: Record<string, string | undefined>;
  destination?: DestinationStream;
}): (
  request: IncomingMessage,
  response: ServerResponse,
) => {
  /** The request's id, for its X-Request-Id. */
  requestId: string;
  /** Writes the request's line, once its response is closed, with how it was served (X-Longhand-Cache). */
  closed(cache: string): void;
};
/** A pino destination handing `stream` the lines in batches (and what is left once a second, and at exit). */
export function batchedLines(stream: { write(text: string): unknown; flush(): void; flushSync(): void }): DestinationStream;
