import type { IncomingMessage, ServerResponse } from "node:http";

export function outagePageFrom(notFoundDocument: string): string;
export function createOutageAnswer(options: { distDir: string }): (request: IncomingMessage, response: ServerResponse) => void;
