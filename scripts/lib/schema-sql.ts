import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./paths";

const run = promisify(execFile);

export interface SchemaDiffOptions {
  /** The schema the database is at now; omitted: an empty database. */
  fromSchema?: string;
  /** The schema to reach. */
  toSchema: string;
  /** Any reachable PostgreSQL: the WebAssembly engine needs a live connection, though it changes nothing. */
  databaseUrl: string;
}

/**
 * The SQL that Prisma Migrate itself would write to take a database from one schema to another.
 * Prisma 7's CLI needs a native schema engine that cannot be downloaded here, so this drives the
 * Prisma 6.19 CLI (the `prisma6` dev dependency) through its WebAssembly engine and a pg adapter.
 */
export async function schemaDiffSql({ fromSchema, toSchema, databaseUrl }: SchemaDiffOptions): Promise<string> {
  const workDir = await mkdtemp(path.join(tmpdir(), "longhand-schema-diff-"));
  try {
    const toCopy = await copyWithUrl(toSchema, path.join(workDir, "to.prisma"));
    const fromArgs = fromSchema
      ? ["--from-schema-datamodel", await copyWithUrl(fromSchema, path.join(workDir, "from.prisma"))]
      : ["--from-empty"];
    const configFile = path.join(workDir, "prisma.config.mjs");
    await writeFile(configFile, configSource());
    const cli = path.join(projectRoot, "node_modules", "prisma6", "build", "index.js");
    const { stdout } = await run(
      process.execPath,
      [cli, "migrate", "diff", ...fromArgs, "--to-schema-datamodel", toCopy, "--script", "--config", configFile],
      {
        cwd: workDir,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          // The CLI only checks that these files exist; the WebAssembly engine does the work.
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return stdout;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

// Prisma 6 wants the URL in the schema's datasource; Prisma 7 (the project's schema) forbids it.
async function copyWithUrl(schemaFile: string, target: string): Promise<string> {
  const source = await readFile(schemaFile, "utf8");
  const withUrl = source.replace(
    /datasource\s+db\s*\{([^}]*)\}/,
    (_block, body: string) => `datasource db {${body}  url = env("DATABASE_URL")\n}`,
  );
  if (withUrl === source) throw new Error(`${schemaFile} has no "datasource db" block`);
  await writeFile(target, withUrl.replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"'));
  return target;
}

function configSource(): string {
  const adapterModule = JSON.stringify(path.join(projectRoot, "node_modules", "@prisma", "adapter-pg", "dist", "index.mjs"));
  const configModule = JSON.stringify(path.join(projectRoot, "node_modules", "prisma6", "config.js"));
  return `
import { defineConfig } from ${configModule};
import { PrismaPg } from ${adapterModule};
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true }),
});
`;
}
