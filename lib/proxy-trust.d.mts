export type TrustedProxies = { hops: number } | { addresses: string[] };
type RequestHeaders = Record<string, string | string[] | undefined> | undefined;

export function parseTrustedProxies(value: string | undefined): TrustedProxies | { bad: string } | undefined;
export function isTrustedPeer(peerAddress: string, trusted: TrustedProxies | undefined): boolean;
export function clientAddressFrom(requestHeaders: RequestHeaders, trusted: TrustedProxies | undefined): string;
