// server.mjs stamps every request with the address of the socket it came in on, under a header
// only it writes: whatever a client sent under that name is replaced, so lib/client-address.ts
// can trust it as the one address nobody but the connection itself chose.
export const CLIENT_ADDRESS_HEADER = "x-longhand-client-ip";

/** Overwrites (never appends to) the client-address header with the socket's peer address. */
export function stampClientAddress(request) {
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
}
