import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import { requestHeaders } from "./load";

export interface CapturedResponse {
  status: number;
  headers: Record<string, string | string[]>;
  bodyBase64: string;
}

// Per connection or recomputed by the static server; every other header is served as captured.
const HEADERS_NOT_COPIED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/** One response exactly as the load generator would get it (node:http, no Accept-Encoding). */
export function captureResponse(url: string): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: requestHeaders }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const headers: CapturedResponse["headers"] = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined && !HEADERS_NOT_COPIED.has(name)) headers[name] = value;
        }
        resolve({ status: response.statusCode ?? 0, headers, bodyBase64: Buffer.concat(chunks).toString("base64") });
      });
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`${url} did not answer within 30 s`)));
    request.on("error", reject);
  });
}

/** Serves the captured response from a minimal node:http server in its own process on 127.0.0.1. */
export function startStaticCopy(captured: CapturedResponse): Promise<{ process: ChildProcess; url: string }> {
  const child = fork(new URL("./static-server.ts", import.meta.url), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", ({ port }: { port: number }) => resolve({ process: child, url: `http://127.0.0.1:${port}/` }));
    child.once("exit", (code) => reject(new Error(`the static server exited (code ${code}) before it listened`)));
    child.once("error", reject);
    child.send(captured);
  });
}
