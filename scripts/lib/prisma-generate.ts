import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot, schemaFile } from "./paths";

const generatedClient = path.join(projectRoot, "lib", "generated", "prisma", "client.ts");

/**
 * Generates the Prisma client when it is missing or older than the schema. This is part of
 * start and test rather than a postinstall, which npm here does not run.
 */
export function ensurePrismaClient({ force = false }: { force?: boolean } = {}): boolean {
  if (!force && existsSync(generatedClient) && statSync(generatedClient).mtimeMs >= statSync(schemaFile).mtimeMs) return false;
  const cli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
  execFileSync(process.execPath, [cli, "generate"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    // `prisma generate` only checks that a schema engine file exists; it never runs it.
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  return true;
}
