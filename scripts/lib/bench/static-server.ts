// The static baseline's own process, forked by static-copy.ts: answers every request with one
// captured response, so its throughput is what node:http on this machine can do with no app at all.
import http from "node:http";
import type { CapturedResponse } from "./static-copy";

process.once("message", (captured: CapturedResponse) => {
  const body = Buffer.from(captured.bodyBase64, "base64");
  const headers = { ...captured.headers, "content-length": String(body.length) };
  const server = http.createServer((_request, response) => {
    response.writeHead(captured.status, headers);
    response.end(body);
  });
  server.listen(0, "127.0.0.1", () => {
    process.send!({ port: (server.address() as { port: number }).port });
  });
});
// The parent went away (Ctrl-C, a crash): nobody is left to stop this server.
process.once("disconnect", () => process.exit(0));
