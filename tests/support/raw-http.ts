import { request as httpRequest } from "node:http";

/** What came back from a raw request, and how much of the body had gone out by then. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Body bytes written before the answer came. */
  bytesSent: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Written chunk by chunk without Content-Length (Transfer-Encoding: chunked). */
  body?: Iterable<Buffer>;
  /** The client address to connect from (any of 127.0.0.0/8 on loopback). */
  localAddress?: string;
}

/**
 * A request over a plain socket, for what a browser or fetch will not do: pick the client address,
 * or send a body of any size chunk by chunk, stopping as soon as the server answers.
 */
export function sendRaw(baseURL: string, { method = "GET", path, headers = {}, body = [], localAddress }: RawRequest): Promise<RawAnswer> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    let answered = false;
    let bytesSent = 0;
    const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress }, (response) => {
      answered = true;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (part: string) => (text += part));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text, bytesSent }));
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunks = body[Symbol.iterator]();
    const writeMore = () => {
      for (;;) {
        const next = chunks.next();
        if (answered || next.done) return void request.end();
        bytesSent += next.value.length;
        if (!request.write(next.value)) return void request.once("drain", writeMore);
      }
    };
    writeMore();
  });
}
