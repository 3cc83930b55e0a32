import "server-only";
import type pg from "pg";

/** A column written from each row: its PostgreSQL array type for unnest, and a cast after it where unnest cannot carry the type (arrays of arrays). */
export interface Column<Row> {
  name: string;
  arrayType: string;
  value: (row: Row) => unknown;
  cast?: string;
}

export type WriteOutcome = "created" | "updated";

/**
 * Inserts rows by id, or updates the row with that id where any column differs, in one statement.
 * Returns what happened to each row that changed; rows missing from the result were already so.
 */
export async function upsertById<Row extends { id: string }>(client: pg.ClientBase, table: string, columns: Column<Row>[], rows: Row[]): Promise<Map<string, WriteOutcome>> {
  if (rows.length === 0) return new Map();
  const all: Column<Row>[] = [{ name: "id", arrayType: "text[]", value: (row) => row.id }, ...columns];
  const names = all.map((column) => `"${column.name}"`);
  const updated = columns.map((column) => `"${column.name}"`);
  const result = await client.query<{ id: string; inserted: boolean }>(
    `INSERT INTO "${table}" (${names.join(", ")})
     SELECT ${all.map((column, index) => `c${index}${column.cast ? `::${column.cast}` : ""}`).join(", ")}
       FROM unnest(${all.map((column, index) => `$${index + 1}::${column.arrayType}`).join(", ")}) AS u(${all.map((_, index) => `c${index}`).join(", ")})
     ON CONFLICT ("id") DO UPDATE SET ${updated.map((name) => `${name} = EXCLUDED.${name}`).join(", ")}
      WHERE (${updated.map((name) => `"${table}".${name}`).join(", ")}) IS DISTINCT FROM (${updated.map((name) => `EXCLUDED.${name}`).join(", ")})
     RETURNING "id", (xmax = 0) AS inserted`,
    all.map((column) => rows.map(column.value)),
  );
  return new Map(result.rows.map((row) => [row.id, row.inserted ? "created" : "updated"]));
}

/**
 * The rows (by id) that would take a unique value another row already holds (a different row in
 * the table, or an earlier row of the same batch), each with that holder's id. Null values never clash.
 */
export async function clashingRows<Row extends { id: string }>(client: pg.ClientBase, table: string, column: string, rows: Row[], valueOf: (row: Row) => string | null): Promise<Map<string, string>> {
  const values = rows.map(valueOf).filter((value) => value !== null);
  const holders = new Map<string, string>();
  if (values.length > 0) {
    const held = await client.query<{ id: string; value: string }>(`SELECT "id", "${column}" AS value FROM "${table}" WHERE "${column}" = ANY($1::text[])`, [values]);
    for (const row of held.rows) holders.set(row.value, row.id);
  }
  const clashing = new Map<string, string>();
  for (const row of rows) {
    const value = valueOf(row);
    if (value === null) continue;
    const holder = holders.get(value);
    if (holder !== undefined && holder !== row.id) clashing.set(row.id, holder);
    else holders.set(value, row.id);
  }
  return clashing;
}

/** The ids among `ids` that have a row in `table`. */
export async function existingIds(client: pg.ClientBase, table: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await client.query<{ id: string }>(`SELECT "id" FROM "${table}" WHERE "id" = ANY($1::text[])`, [[...new Set(ids)]]);
  return new Set(result.rows.map((row) => row.id));
}
