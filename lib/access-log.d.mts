import type { IncomingMessage, ServerResponse } from "node:http";
import type { DestinationStream } from "pino";

export const REQUEST_ID_HEADER: string;
export function createAccessLog(options?: {
  env?: Record<string, string | undefined>;
  destination?: DestinationStream;
}): (request: IncomingMessage, response: ServerResponse) => void;
