// One JSON line per request on stdout (pino), written when the response is done: who asked for
// what, how it was answered and how long it took. Nothing secret goes in: the path without its
// query (sign-in and reset links carry tokens there), never a header's value, a cookie or a body.
// LOG_LEVEL sets pino's level (default info); "silent" (or any level above info) turns it off.
import { randomUUID } from "node:crypto";
import { decode } from "next-auth/jwt";
import pino from "pino";
import { CACHE_OUTCOME_HEADER } from "./cached-page-responder.mjs";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header.mjs";
import { sessionCookieValue } from "./fresh-reads.mjs";
import { clientAddressFrom, isTrustedPeer, parseTrustedProxies } from "./proxy-trust.mjs";

export const REQUEST_ID_HEADER = "X-Request-Id";
// What a proxy's request id may look like (nginx's $request_id is 32 hex digits, others a UUID).
const WELL_FORMED_REQUEST_ID = /^[\w.:+=@/-]{1,128}$/;

/**
 * The request's id: the one our proxy sent (X-Request-Id), so its log and ours can be matched, or a
 * new one. A client's own X-Request-Id is ignored: anyone could make their requests look like
 * someone else's in the log.
 */
function requestIdOf(request, trusted) {
  const given = request.headers["x-request-id"];
  const fromProxy = typeof given === "string" && WELL_FORMED_REQUEST_ID.test(given) && isTrustedPeer(request.socket.remoteAddress ?? "", trusted);
  return fromProxy ? given : randomUUID();
}

/** The signed-in account's id from next-auth's session token, or undefined when it is not one of ours. */
async function userIdOf(token, secret) {
  if (!secret) return undefined;
  try {
    return (await decode({ token, secret }))?.sub;
  } catch {
    return undefined;
  }
}

/** The access log's hook: server.mjs calls it first for every request. */
export function createAccessLog({ env = process.env, destination = pino.destination({ sync: false }) } = {}) {
  const logger = pino(
    {
      level: env.LOG_LEVEL || "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const parsed = parseTrustedProxies(env.TRUSTED_PROXIES);
  const trusted = parsed && "bad" in parsed ? undefined : parsed;
  const secret = env.NEXTAUTH_SECRET;
  const logs = logger.isLevelEnabled("info");

  return function logAccess(request, response) {
    const requestId = requestIdOf(request, trusted);
    response.setHeader(REQUEST_ID_HEADER, requestId);
    if (!logs) return;
    const startedAt = performance.now();
    const method = request.method;
    // Read now: Next may rewrite request.url while it routes.
    const path = (request.url ?? "/").split("?")[0];
    response.once("close", () => {
      const durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
      // The socket's own address, not a header a client could have sent under that name.
      const addressHeaders = { [CLIENT_ADDRESS_HEADER]: request.socket.remoteAddress ?? "", "x-forwarded-for": request.headers["x-forwarded-for"] };
      const line = {
        requestId,
        method,
        path,
        status: response.statusCode,
        durationMs,
        cache: response.getHeader(CACHE_OUTCOME_HEADER),
        client: clientAddressFrom(addressHeaders, trusted),
        ...(!response.writableFinished && { aborted: true }),
      };
      // Most requests (readers) carry no session: their line is written at once.
      const session = sessionCookieValue(request.headers.cookie);
      if (!session) logger.info(line, "request");
      else void userIdOf(session, secret).then((userId) => logger.info({ ...line, userId }, "request"));
    });
  };
}
