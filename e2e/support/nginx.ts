import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { findFreePort, waitForHttp } from "../../scripts/lib/net";
import { projectRoot } from "../../scripts/lib/paths";

const NGINX = "/usr/sbin/nginx";
/** The config the README tells a deployment to use. */
const DEPLOYED_CONFIG = path.join(projectRoot, "deploy", "nginx.conf");
/** Which instances nginx tried for a response ("127.0.0.1:4001, 127.0.0.1:4002" when it went on to a second). */
export const UPSTREAM_HEADER = "x-test-upstream";

export interface Nginx {
  origin: string;
  stop(): Promise<void>;
}

/**
 * deploy/nginx.conf with the test's own addresses in its two marked places; fails when either mark
 * is gone, so the test never runs a config of its own making.
 */
export function configFor(deployed: string, { listenPort, upstreamPorts }: { listenPort: number; upstreamPorts: number[] }): string {
  const upstreams = /(# \(upstream servers[^\n]*\n)(?:\s*server [^\n]*;\n)+/;
  const listen = /(# \(listen[^\n]*\n)\s*listen [^\n]*;\n/;
  if (!upstreams.test(deployed) || !listen.test(deployed)) throw new Error("deploy/nginx.conf lost the marks the test fills in");
  return deployed
    .replace(upstreams, (_, mark: string) => mark + upstreamPorts.map((port) => `    server 127.0.0.1:${port};\n`).join(""))
    .replace(listen, (_, mark: string) => `${mark}    listen 127.0.0.1:${listenPort};\n`);
}

/**
 * Debian's nginx, run as this user with everything it writes (pid, logs, temporary files) in a
 * folder of its own, in front of the instances on `upstreamPorts` with deploy/nginx.conf.
 */
export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`nginx is not at ${NGINX}: run \`apt-get install nginx\` (.ci/run does)`);
  const dir = await mkdtemp(path.join(tmpdir(), "longhand-nginx-"));
  const listenPort = await findFreePort();
  await writeFile(path.join(dir, "longhand.conf"), configFor(await readFile(DEPLOYED_CONFIG, "utf8"), { listenPort, upstreamPorts }));
  const at = (name: string) => path.join(dir, name);
  // As root, nginx would hand its workers to "nobody", who cannot write this folder.
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};` : "";
  await writeFile(
    at("nginx.conf"),
    `${user}
worker_processes 1;
pid ${at("nginx.pid")};
error_log ${at("error.log")} warn;
events { worker_connections 1024; }
http {
    access_log ${at("access.log")};
    client_body_temp_path ${at("client_body")};
    proxy_temp_path ${at("proxy")};
    fastcgi_temp_path ${at("fastcgi")};
    uwsgi_temp_path ${at("uwsgi")};
    scgi_temp_path ${at("scgi")};
    add_header ${UPSTREAM_HEADER} $upstream_addr always;
    include ${at("longhand.conf")};
}
`,
  );
  const nginx = spawn(NGINX, ["-p", dir, "-c", at("nginx.conf"), "-e", at("error.log"), "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  nginx.stdout.on("data", (chunk) => (output += chunk));
  nginx.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => nginx.once("exit", resolve));
  const origin = `http://127.0.0.1:${listenPort}`;
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      nginx.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${origin}/`, { timeoutMs: 10_000, alive: () => nginx.exitCode === null });
  } catch (error) {
    const log = await readFile(at("error.log"), "utf8").catch(() => "");
    await stop();
    throw new Error(`nginx did not come up: ${error instanceof Error ? error.message : error}\n${output}\n${log}`);
  }
  return { origin, stop };
}
