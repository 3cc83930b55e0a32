import type { IncomingMessage, ServerResponse } from "node:http";

/** Sends a redirect's Location header once, where Next repeats it. */
export function sendOneLocation(response: ServerResponse): void;

/**
 * Puts the blog's current whole 404 page in place of Next's empty error document. `askForPage`
 * requests a page of this server's, as a reader would: its status and body, or undefined.
 */
export function createNotFoundFiller(options: {
  distDir: string;
  askForPage: (requestPath: string) => Promise<{ status: number | undefined; body: string } | undefined>;
}): (request: IncomingMessage, response: ServerResponse) => void;
