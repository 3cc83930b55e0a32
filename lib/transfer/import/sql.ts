import "server-only";
import { randomBytes } from "node:crypto";
import type pg from "pg";

/** The import's one connection, inside its one transaction: every write goes through it. */
export type ImportClient = pg.ClientBase;

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
