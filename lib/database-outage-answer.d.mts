import type { IncomingMessage, ServerResponse } from "node:http";

export function pageFailedInside(html: string): boolean;
export function createOutageAnswer(options: { distDir: string; databaseUrl: string | undefined }): (request: IncomingMessage, response: ServerResponse) => void;
