import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "./paths";

const secretFile = path.join(dataDir, "nextauth-secret");

/**
 * NEXTAUTH_SECRET when it is set; otherwise one generated on first start and kept in
 * .data/nextauth-secret, so sessions survive a restart without any configuration.
 */
export function authSecret(): string {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (existsSync(secretFile)) return readFileSync(secretFile, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}
