import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./paths";

/** The production server (server.mjs): Next.js behind the fast path for cached reader pages. */
export const serverEntry = path.join(projectRoot, "server.mjs");

/** Starts server.mjs on host:port with the given environment, in production mode. */
export function spawnWebServer({ host, port, env, stdio }: { host: string; port: number; env: NodeJS.ProcessEnv; stdio: StdioOptions }): ChildProcess {
  return spawn(process.execPath, [serverEntry], {
    cwd: projectRoot,
    env: { ...env, HOST: host, PORT: String(port), NODE_ENV: "production" },
    stdio,
  });
}
