import "server-only";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { freeSlugFor, freeSlugFrom, type TakenSlugs } from "@/lib/users/slug-choice";

/** The import's one connection, inside its one transaction: every read and write goes through it. */
export interface ImportClient {
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>>;
}

/**
 * A new account's author page slug (lib/users/slugs.ts), free among the accounts this transaction
 * sees and the slugs `chosen` for rows not written yet.
 */
export function freeAuthorSlug(client: ImportClient, name: string, chosen: ReadonlySet<string> = new Set()): Promise<string> {
  return freeSlugFor(name, takenSlugs(client, chosen));
}

/** `slug` where it is free as freeAuthorSlug's are, else the first free one of "-2", "-3"… after it. */
export function freeAuthorSlugFrom(client: ImportClient, slug: string, chosen: ReadonlySet<string>): Promise<string> {
  return freeSlugFrom(slug, takenSlugs(client, chosen));
}

function takenSlugs(client: ImportClient, chosen: ReadonlySet<string>): TakenSlugs {
  return async (base) => {
    const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "User" WHERE slug = $1 OR slug LIKE $1 || '-%'`, [base]);
    return [...rows.map((row) => row.slug), ...chosen];
  };
}

/**
 * The connection with its statements queued here, one after another: a writer may send a batch
 * and go on parsing without waiting for it (PostgreSQL and the parser then share the time), which
 * node-postgres itself no longer wants to queue.
 */
export function queuedClient(client: pg.ClientBase): ImportClient {
  let last: Promise<unknown> = Promise.resolve();
  return {
    query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]) {
      const result = last.then(() => client.query<Row>(text, values));
      last = result.catch(() => {});
      return result;
    },
  };
}

/**
 * A row id in the shape of Prisma's cuid() defaults (which Prisma makes in the client, so rows
 * written with plain SQL need their own): "c" and 24 random base-36 characters.
 */
export function newId(): string {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  return `c${Array.from(randomBytes(24), (byte) => alphabet[byte % 36]).join("")}`;
}

/**
 * Prisma keeps DateTime columns as UTC in `timestamp(3)` without a zone; node-postgres would send
 * a Date in the process's zone. Sent as ISO text and read back `AT TIME ZONE 'UTC'`, a date is
 * stored exactly as Prisma stores it, whatever TZ the importer runs with.
 */
export const utcText = (date: Date | null) => (date ? date.toISOString() : null);

/** SQL for a text[] parameter of ISO dates as Prisma's UTC timestamps. */
export const asUtcTimestamp = (expression: string) => `((${expression})::timestamptz AT TIME ZONE 'UTC')`;
