import { runSql } from "./databases";

/**
 * Everything about the public schema that schema.prisma decides, as sorted lines that compare
 * cleanly: enums, tables, columns (type, nullability, default, generated), constraints (primary,
 * unique, foreign keys with their actions, checks) and indexes.
 */
export interface CatalogSnapshot {
  enums: string[];
  tables: string[];
  columns: string[];
  constraints: string[];
  indexes: string[];
}

export async function snapshotCatalog(url: string): Promise<CatalogSnapshot> {
  const enums = await runSql(
    url,
    `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  const tables = await runSql(
    url,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`,
  );
  const columns = await runSql(
    url,
    `SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS "notNull", a.attgenerated AS generated, pg_get_expr(d.adbin, d.adrelid) AS "default"
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
        AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  const constraints = await runSql(
    url,
    `SELECT c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`,
  );
  const indexes = await runSql(
    url,
    `SELECT tablename AS "table", indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );

  return {
    enums: enums.rows.map((row) => `${row.name}: ${row.labels}`).sort(),
    tables: tables.rows.map((row) => row.name).sort(),
    columns: columns.rows
      .map((row) => {
        const generated = row.generated === "s" ? " GENERATED STORED" : "";
        // A generated column's expression sits where a default would; compare it by kind only.
        const defaultValue = row.default && !generated ? ` DEFAULT ${row.default}` : "";
        return `${row.table}.${row.name} ${row.type}${row.notNull ? " NOT NULL" : ""}${defaultValue}${generated}`;
      })
      .sort(),
    constraints: constraints.rows.map((row) => `${row.table}.${row.name}: ${row.definition}`).sort(),
    indexes: indexes.rows.map((row) => `${row.table}.${row.name}: ${row.definition}`).sort(),
  };
}
