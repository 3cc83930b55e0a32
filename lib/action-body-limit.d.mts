import type { IncomingMessage, ServerResponse } from "node:http";

export const ACTION_BODY_LIMIT_BYTES: number;
export function limitActionBody(request: IncomingMessage, response: ServerResponse): Promise<IncomingMessage | null>;
