import type pg from "pg";

export interface TableShape {
  name: string;
  /** Its stored columns (generated ones are left out: PostgreSQL computes them again). */
  columns: string[];
  /** Rows per FETCH: few for tables holding file bytes, so memory holds a few images at most. */
  batch: number;
}

const BOOKKEEPING = "_prisma_migrations";

/** The blog's tables in the public schema, with their stored columns, by name. */
export async function tableShapes(client: pg.ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; hasBytes: boolean }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns,
            bool_or(a.atttypid = 'bytea'::regtype) AS "hasBytes"
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1
     GROUP BY c.relname
     ORDER BY c.relname`,
    [BOOKKEEPING],
  );
  return rows.map(({ name, columns, hasBytes }) => ({ name, columns, batch: hasBytes ? 4 : 500 }));
}

/** The migrations recorded as applied, in the order they were. */
export async function appliedMigrations(client: pg.ClientBase): Promise<{ name: string; checksum: string }[]> {
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM "${BOOKKEEPING}" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

/**
 * A table's rows as JSON lines, read through a cursor inside the caller's transaction (which
 * gives every table the same snapshot). JSON keeps each type exactly: bytea as hex, timestamps
 * to the microsecond, arrays and jsonb as they are.
 */
export async function* tableLines(client: pg.ClientBase, table: TableShape, countRows: (rows: number) => void): AsyncGenerator<string> {
  const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(", ");
  const cursor = client.escapeIdentifier(`backup_${table.name}`);
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM (SELECT ${columns} FROM ${client.escapeIdentifier(table.name)}) t`);
  try {
    for (;;) {
      const { rows } = await client.query<{ line: string }>(`FETCH ${table.batch} FROM ${cursor}`);
      if (rows.length === 0) return;
      countRows(rows.length);
      yield rows.map((row) => `${row.line}\n`).join("");
    }
  } finally {
    // After a failed statement the transaction refuses even this; the failure is what to report.
    await client.query(`CLOSE ${cursor}`).catch(() => {});
  }
}
