// TRUSTED_PROXIES, read by lib/config.ts for the app and by server.mjs's access log: which peers
// are proxies of ours, and so which request headers (X-Forwarded-For, X-Request-Id) to believe.
import { BlockList, isIP } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header.mjs";

const UNKNOWN = "unknown";

function isAddressOrRange(entry) {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * How many proxies stand in front of the app ("1" for one nginx), or which addresses they have;
 * unset or blank means none. A value that is neither gives the first entry that is not an address.
 * @returns {import("./proxy-trust.d.mts").TrustedProxies | { bad: string } | undefined}
 */
export function parseTrustedProxies(value) {
  if (!value?.trim()) return undefined;
  if (/^\d+$/.test(value.trim()) && Number(value) >= 1) return { hops: Number(value) };
  const addresses = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  const bad = addresses.length === 0 ? value : addresses.find((entry) => !isAddressOrRange(entry));
  return bad === undefined ? { addresses } : { bad };
}

// Node reports an IPv4 peer on a dual-stack socket as "::ffff:1.2.3.4"; limits and lists use "1.2.3.4".
function plainAddress(value) {
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

function headerValue(requestHeaders, name) {
  const value = requestHeaders?.[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

// Built once per setting: the access log asks on every request.
const trustLists = new WeakMap();

/** @param {{ addresses: string[] }} trusted */
function trustList(trusted) {
  let list = trustLists.get(trusted);
  if (list) return list;
  list = new BlockList();
  for (const entry of trusted.addresses) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  trustLists.set(trusted, list);
  return list;
}

function isListed(list, address) {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 6 ? "ipv6" : "ipv4");
}

/** Whether the peer a request came from directly is one of our proxies (with a number of hops, any peer is). */
export function isTrustedPeer(peerAddress, trusted) {
  if (!trusted) return false;
  return "hops" in trusted || isListed(trustList(trusted), plainAddress(peerAddress));
}

/**
 * The address per-address limits count, from the socket address server.mjs stamped on the request
 * and, only when proxies are trusted, X-Forwarded-For read from the right (each proxy appends the
 * address it was connected from, so only entries right of the first untrusted hop are honest):
 * with no trusted proxies the socket's address; with N hops the entry N-1 places from the right;
 * with a list, the first entry from the right that is not a listed proxy.
 */
export function clientAddressFrom(requestHeaders, trusted) {
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
  if ("hops" in trusted) return hops[Math.min(trusted.hops, hops.length - 1)];
  const proxies = trustList(trusted);
  return hops.find((address) => !isListed(proxies, address)) ?? hops[hops.length - 1];
}
