// One JSON line per request on stdout (pino), written when the response is done: who asked for
// what, how it was answered and how long it took. Nothing secret goes in: the path without its
// query (sign-in and reset links carry tokens there), never a header's value, a cookie or a body.
// LOG_LEVEL sets pino's level (default info); "silent" (or any level above info) turns it off.
import { randomUUID } from "node:crypto";
import { decode } from "next-auth/jwt";
import pino from "pino";
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

// Lines are written out in batches of about this many bytes, each by one write on Node's thread
// pool rather than one per line, which cost as much as answering a cached page (handing a write
// over costs about 40 µs whatever its size up to 8 KB, 110 µs for 64 KB); a quiet server's lines
// are written within this long.
export const BATCH_BYTES = 65_536;
const BATCH_WAIT_MS = 1000;

/**
 * A pino destination that hands `stream` (stdout's asynchronous writer, sonic-boom, made with
 * minLength BATCH_BYTES) the lines a batch at a time: once they add up to BATCH_BYTES, else at
 * the next tick of BATCH_WAIT_MS; what is left when the process exits is written synchronously
 * then, so a stop loses no line. (sonic-boom's minLength alone would batch too, but it measures its
 * whole pending text again for every line it is given.)
 * @param {{ write(text: string): unknown; flush(): void; flushSync(): void }} stream
 */
export function batchedLines(stream) {
  /** @type {string[]} */
  let lines = [];
  let length = 0;
  function handOver() {
    const text = lines.join("");
    lines = [];
    length = 0;
    stream.write(text);
  }
  setInterval(() => {
    if (lines.length > 0) handOver();
    // On every tick, as sonic-boom's own periodicFlush does: a flush asked for while a write is
    // under way does nothing, and what was left behind then goes out at the next tick.
    stream.flush();
  }, BATCH_WAIT_MS).unref();
  process.once("exit", () => {
    if (lines.length > 0) handOver();
    stream.flushSync();
  });
  return {
    /** @param {string} line */
    write(line) {
      lines.push(line);
      length += line.length;
      if (length >= BATCH_BYTES) handOver();
    },
  };
}

// pino's isoTime, made once a second: Next wraps the global Date (to catch prerenders reading
// the clock), which makes a Date per line cost more than the rest of the line.
let timeSecond = NaN;
let timePrefix = "";
function isoTime() {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== timeSecond) {
    timeSecond = second;
    timePrefix = `,"time":"${new Date(second * 1000).toISOString().slice(0, -4)}`;
  }
  return `${timePrefix}${String(now - second * 1000).padStart(3, "0")}Z"`;
}

const nothingToLog = () => {};

// sonic-boom would cut a batch into writes of 16 KB (its default maxWrite).
const batchedStdout = () => batchedLines(pino.destination({ sync: false, minLength: BATCH_BYTES, maxWrite: 2 * BATCH_BYTES }));

/**
 * The access log's hook: server.mjs calls it first for every request. It gives the request's id
 * (sent back as X-Request-Id) and what to call, with how the request was served, once its response
 * is closed, which writes its line.
 */
export function createAccessLog({ env = process.env, destination = batchedStdout() } = {}) {
  const logger = pino(
    {
      level: env.LOG_LEVEL || "info",
      base: undefined,
      timestamp: isoTime,
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
    if (!logs) return { requestId, closed: nothingToLog };
    const startedAt = performance.now();
    const method = request.method;
    // Read now: Next may rewrite request.url while it routes.
    const url = request.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    /** @param {string} cache */
    const closed = (cache) => {
      const durationMs = Math.round((performance.now() - startedAt) * 100) / 100;
      // The socket's own address, not a header a client could have sent under that name.
      const addressHeaders = { [CLIENT_ADDRESS_HEADER]: request.socket.remoteAddress ?? "", "x-forwarded-for": request.headers["x-forwarded-for"] };
      const line = {
        requestId,
        method,
        path,
        status: response.statusCode,
        durationMs,
        cache,
        client: clientAddressFrom(addressHeaders, trusted),
        ...(!response.writableFinished && { aborted: true }),
      };
      // Most requests (readers) carry no session: their line is written at once.
      const session = sessionCookieValue(request.headers.cookie);
      if (!session) logger.info(line, "request");
      else void userIdOf(session, secret).then((userId) => logger.info({ ...line, userId }, "request"));
    };
    return { requestId, closed };
  };
}
