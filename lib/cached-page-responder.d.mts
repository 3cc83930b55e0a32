import type { IncomingMessage, ServerResponse } from "node:http";

/** Answers a GET for a page Next has cached whole and not expired; returns false to leave it to Next. */
export function createCachedPageResponder(options: { distDir: string }): (request: IncomingMessage, response: ServerResponse) => boolean;
