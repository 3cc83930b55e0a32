import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clientAddressFrom } from "../lib/client-address";
import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "../lib/client-address-header.mjs";

const stamped = (socket: string, forwardedFor?: string) => ({
  [CLIENT_ADDRESS_HEADER]: socket,
  ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
});

describe("the address per-address limits count", () => {
  test("with no trusted proxies it is the socket's, whatever X-Forwarded-For claims", () => {
    expect(clientAddressFrom(stamped("203.0.113.9", "10.1.2.3"), undefined)).toBe("203.0.113.9");
    expect(clientAddressFrom(stamped("::ffff:203.0.113.9"), undefined)).toBe("203.0.113.9");
  });

  test("without the socket address server.mjs stamps, every request shares one counter", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "10.1.2.3" }, undefined)).toBe("unknown");
    expect(clientAddressFrom({ "x-forwarded-for": "10.1.2.3" }, { hops: 1 })).toBe("unknown");
  });

  test("behind N proxies it is the entry N-1 places from the right, so a forged left part is ignored", () => {
    const chain = stamped("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1");
    expect(clientAddressFrom(chain, { hops: 1 })).toBe("10.0.0.1");
    expect(clientAddressFrom(chain, { hops: 2 })).toBe("198.51.100.7");
    // More hops than entries: the furthest address anyone recorded.
    expect(clientAddressFrom(stamped("10.0.0.2", "198.51.100.7"), { hops: 3 })).toBe("198.51.100.7");
    expect(clientAddressFrom(stamped("10.0.0.2"), { hops: 1 })).toBe("10.0.0.2");
  });

  test("with a list it is the first address from the right that is not a listed proxy", () => {
    const proxies = { addresses: ["10.0.0.0/8", "2001:db8::1"] };
    expect(clientAddressFrom(stamped("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1"), proxies)).toBe("198.51.100.7");
    expect(clientAddressFrom(stamped("2001:db8::1", "198.51.100.7"), proxies)).toBe("198.51.100.7");
    // A peer that is not a listed proxy is the client, whatever it forwards.
    expect(clientAddressFrom(stamped("203.0.113.9", "6.6.6.6"), proxies)).toBe("203.0.113.9");
    expect(clientAddressFrom(stamped("10.0.0.2", "10.0.0.1"), proxies)).toBe("10.0.0.1");
  });
});

// server.mjs's own handling of the header, over a real connection: a client cannot name its address.
describe("the socket address server.mjs stamps", () => {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    stampClientAddress(request);
    seen.push(request.headers);
    response.end();
  });
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = (headers: Record<string, string>) =>
    new Promise<IncomingHttpHeaders>((resolve, reject) => {
      httpRequest({ host: "127.0.0.1", port, path: "/", headers }, (response) => {
        response.resume();
        response.on("end", () => resolve(seen.at(-1)!));
      })
        .on("error", reject)
        .end();
    });

  test("replaces whatever the client sent under its name, and X-Forwarded-For does not count untrusted", async () => {
    const headers = await send({ [CLIENT_ADDRESS_HEADER]: "10.9.9.9", "x-forwarded-for": "10.8.8.8" });
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(clientAddressFrom(headers, undefined)).toBe("127.0.0.1");
  });

  test("behind a trusted proxy on that socket, the address the proxy forwarded counts", async () => {
    const headers = await send({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" });
    expect(clientAddressFrom(headers, { hops: 1 })).toBe("198.51.100.7");
    expect(clientAddressFrom(headers, { addresses: ["127.0.0.1"] })).toBe("198.51.100.7");
  });
});
