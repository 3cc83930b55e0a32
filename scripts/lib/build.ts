import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { distDir, projectRoot } from "./paths";

const BUILD_INPUTS = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.mjs", "tsconfig.json", "package-lock.json"];
const stampFile = path.join(distDir, "longhand-build.json");

export const nextCli = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");

/**
 * What a production build depends on: the source, and the database it prerendered reader
 * pages from (a build made against the test database must not serve the real blog).
 */
export function buildKey(databaseIdentity: string): string {
  const hash = createHash("sha256").update(databaseIdentity);
  for (const file of BUILD_INPUTS.flatMap((input) => listFiles(path.join(projectRoot, input)))) {
    hash.update(path.relative(projectRoot, file)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  if (path.basename(entry) === "generated") return [];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name)));
}

export function buildIsCurrent(key: string): boolean {
  if (!existsSync(path.join(distDir, "BUILD_ID")) || !existsSync(stampFile)) return false;
  return JSON.parse(readFileSync(stampFile, "utf8")).key === key;
}

/** Runs `next build` with the given environment and records what it was built from. */
export async function buildApp(key: string, env: NodeJS.ProcessEnv): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [nextCli, "build"], { cwd: projectRoot, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  writeFileSync(stampFile, JSON.stringify({ key, builtAt: new Date().toISOString() }));
}
