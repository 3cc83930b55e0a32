import type { IncomingMessage, ServerResponse } from "node:http";

/** Sets the blog's security headers on a response, chosen by the request's path. */
export function createSecurityHeaders(env: Record<string, string | undefined>): (request: IncomingMessage, response: ServerResponse) => void;
