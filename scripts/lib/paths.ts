import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const schemaFile = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
/** Git-ignored: the embedded PostgreSQL cluster and, later, uploads. */
export const dataDir = path.join(projectRoot, ".data");
