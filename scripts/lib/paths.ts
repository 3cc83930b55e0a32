import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const schemaFile = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
/** Git-ignored: the embedded PostgreSQL cluster and the generated session secret. */
export const dataDir = path.resolve(projectRoot, process.env.LONGHAND_DATA_DIR || ".data");
/** Where `next build` writes; next.config.mjs reads the same variable. */
export const distDir = path.resolve(projectRoot, process.env.LONGHAND_DIST_DIR || ".next");
