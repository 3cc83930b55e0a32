// Tag expiry shared by every server process on one database, through PostgreSQL's LISTEN/NOTIFY.
//
// Next keeps the state of its cache tags (which were expired, and when) in each process's memory,
// so behind a load balancer a comment posted through one instance would leave the others serving
// the old page until its revalidate time. Each process holds one connection that LISTENs: an
// expiry made here is NOTIFYed to the others, and theirs are applied here without being sent on.
// A notification sent while a connection is down is lost for good, so whenever the connection
// (re)starts listening, `expireEverything` treats all that was cached before as expired.
import { randomUUID } from "node:crypto";
import pg from "pg";

export const TAG_EXPIRY_CHANNEL = "longhand_tag_expiry";

/** How the connection shows in pg_stat_activity. */
export const TAG_BUS_APPLICATION_NAME = "longhand-tag-bus";

// NOTIFY takes at most 8000 bytes; a longer list of tags is sent as "everything" instead.
const PAYLOAD_LIMIT_BYTES = 7900;

const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000];

// Expiries kept while the connection is down; past this many, one "everything" stands for them.
const MAX_UNSENT = 100;

/**
 * @param {{
 *   databaseUrl: string,
 *   expireTags: (tags: string[], durations: { expire?: number } | undefined) => void,
 *   expireEverything: () => void,
 *   log?: (line: string) => void,
 * }} options
 */
export function createTagBus({ databaseUrl, expireTags, expireEverything, log = (line) => console.error(line) }) {
  const sender = randomUUID();
  /** @type {pg.Client | undefined} the connection while it listens */
  let listening;
  let closed = false;
  let failedAttempts = 0;
  /** @type {string[]} payloads published while no connection listened */
  const unsent = [];
  const everything = JSON.stringify({ from: sender, everything: true });

  function keepUnsent(payload) {
    if (unsent.length < MAX_UNSENT) unsent.push(payload);
    else unsent.splice(0, unsent.length, everything);
  }

  function receive(message) {
    if (message.channel !== TAG_EXPIRY_CHANNEL || !message.payload) return;
    let expiry;
    try {
      expiry = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (expiry.from === sender) return;
    if (expiry.everything) expireEverything();
    else if (Array.isArray(expiry.tags)) expireTags(expiry.tags, expiry.durations ?? undefined);
  }

  function reconnectLater(reason) {
    if (closed) return;
    if (failedAttempts === 0) log(`Longhand: tag expiry listener has no database connection (${reason}); reconnecting`);
    const delay = RECONNECT_DELAYS_MS[Math.min(failedAttempts, RECONNECT_DELAYS_MS.length - 1)];
    failedAttempts += 1;
    setTimeout(connect, delay).unref();
  }

  async function send(client, payload) {
    await client.query("SELECT pg_notify($1, $2)", [TAG_EXPIRY_CHANNEL, payload]);
  }

  async function connect() {
    if (closed) return;
    const client = new pg.Client({ connectionString: databaseUrl, application_name: TAG_BUS_APPLICATION_NAME });
    // A dropped connection emits "error" and then "end"; "end" reconnects.
    client.on("error", () => {});
    client.on("notification", receive);
    client.on("end", () => {
      if (listening !== client) return;
      listening = undefined;
      reconnectLater("connection ended");
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${TAG_EXPIRY_CHANNEL}`);
    } catch (error) {
      void client.end().catch(() => {});
      reconnectLater(error instanceof Error ? error.message : String(error));
      return;
    }
    if (closed) return void client.end().catch(() => {});
    listening = client;
    if (failedAttempts > 0) log("Longhand: tag expiry listener reconnected; everything cached before now counts as expired");
    failedAttempts = 0;
    expireEverything();
    for (const payload of unsent.splice(0)) await send(client, payload).catch(() => keepUnsent(payload));
  }

  void connect();

  return {
    /** Tells every other process on the database to expire these tags (as revalidateTag's durations say). */
    async publish(tags, durations) {
      let payload = JSON.stringify({ from: sender, tags, durations });
      if (Buffer.byteLength(payload) > PAYLOAD_LIMIT_BYTES) payload = everything;
      const client = listening;
      if (!client) return keepUnsent(payload);
      await send(client, payload).catch(() => keepUnsent(payload));
    },
    async close() {
      closed = true;
      const client = listening;
      listening = undefined;
      await client?.end();
    },
  };
}
