import "server-only";
import { BlockList, isIP } from "node:net";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header.mjs";
import { config, type TrustedProxies } from "@/lib/config";

type RequestHeaders = Record<string, string | string[] | undefined> | undefined;

const UNKNOWN = "unknown";

// Node reports an IPv4 peer on a dual-stack socket as "::ffff:1.2.3.4"; limits and lists use "1.2.3.4".
function plainAddress(value: string): string {
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

function headerValue(requestHeaders: RequestHeaders, name: string): string {
  const value = requestHeaders?.[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

function trustList(addresses: string[]): BlockList {
  const list = new BlockList();
  for (const entry of addresses) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function isListed(list: BlockList, address: string): boolean {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 6 ? "ipv6" : "ipv4");
}

/**
 * The address per-address limits count, from the socket address server.mjs stamped on the request
 * and, only when proxies are trusted, X-Forwarded-For read from the right (each proxy appends the
 * address it was connected from, so only entries right of the first untrusted hop are honest):
 * with no trusted proxies the socket's address; with N hops the entry N-1 places from the right;
 * with a list, the first entry from the right that is not a listed proxy.
 */
export function clientAddressFrom(requestHeaders: RequestHeaders, trusted: TrustedProxies | undefined): string {
  const socketAddress = plainAddress(headerValue(requestHeaders, CLIENT_ADDRESS_HEADER));
  if (!socketAddress) return UNKNOWN;
  if (!trusted) return socketAddress;
  const forwarded = headerValue(requestHeaders, "x-forwarded-for")
    .split(",")
    .map(plainAddress)
    .filter(Boolean)
    .reverse();
  // Nearest first: the peer, then each address a proxy recorded, right to left.
  const hops = [socketAddress, ...forwarded];
  if ("hops" in trusted) return hops[Math.min(trusted.hops, hops.length - 1)]!;
  const proxies = trustList(trusted.addresses);
  return hops.find((address) => !isListed(proxies, address)) ?? hops.at(-1)!;
}

/** The client's address for a route handler or server action, under this server's TRUSTED_PROXIES. */
export async function currentClientAddress(): Promise<string> {
  return clientAddressFrom(Object.fromEntries((await headers()).entries()), config().TRUSTED_PROXIES);
}
