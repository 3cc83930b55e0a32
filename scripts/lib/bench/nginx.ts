import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort, waitForHttp } from "../net";
import { stopProcessTree } from "./process-tree";

export interface StaticFile {
  contentType: string;
  body: Buffer;
}

export interface StaticServer {
  /** The URL nginx serves the i-th file at. */
  urlOf(index: number): string;
  stop(): Promise<void>;
}

// Debian installs it in /usr/sbin, which is not on an ordinary user's PATH.
const NGINX_CANDIDATES = ["nginx", "/usr/sbin/nginx"];

/** The nginx to run; stops the run before anything starts when there is none, saying how to get it. */
export function requireNginx(): string {
  const found = NGINX_CANDIDATES.find((candidate) => !spawnSync(candidate, ["-v"]).error);
  if (!found) throw new Error("nginx is not installed (the benchmark's baseline). On Debian or Ubuntu: sudo apt-get install nginx-light (or nginx)");
  return found;
}

/**
 * Debian's nginx serving each file from disk at /<index> with its content type, on 127.0.0.1,
 * as the current user, with everything (config, files, pid, logs, temp folders) in a fresh temp
 * folder deleted on stop. One worker, as the app server is one process; no access log, sendfile,
 * keep-alive connections never closed for their request count (Node's are not either).
 */
export async function startNginx(nginxBinary: string, files: StaticFile[]): Promise<StaticServer> {
  const prefix = await mkdtemp(path.join(tmpdir(), "longhand-bench-nginx-"));
  const root = path.join(prefix, "root");
  await mkdir(root);
  await mkdir(path.join(prefix, "temp"));
  await Promise.all(files.map((file, index) => writeFile(path.join(root, String(index)), file.body)));
  const port = await findFreePort();
  const locations = files.map((file, index) => `    location = /${index} { default_type "${file.contentType.replaceAll('"', "")}"; }`);
  const config = [
    // As root, nginx's workers would otherwise switch to "nobody", who cannot read this folder.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "worker_processes 1;",
    "daemon off;",
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    "events { worker_connections 1024; }",
    "http {",
    "  access_log off;",
    "  sendfile on;",
    "  tcp_nopush on;",
    "  keepalive_requests 1000000000;",
    "  types {}",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${name}_temp_path ${prefix}/temp/${name};`),
    "  server {",
    `    listen 127.0.0.1:${port};`,
    `    root ${root};`,
    ...locations,
    "  }",
    "}",
  ].join("\n");
  const configFile = path.join(prefix, "nginx.conf");
  await writeFile(configFile, `${config}\n`);

  const nginx = spawn(nginxBinary, ["-p", prefix, "-e", path.join(prefix, "error.log"), "-c", configFile], { stdio: ["ignore", "inherit", "inherit"] });
  const stop = async () => {
    await stopProcessTree(nginx);
    await rm(prefix, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/0`, { alive: () => nginx.exitCode === null && nginx.signalCode === null });
  } catch (error) {
    await stop();
    throw new Error(`nginx did not come up: ${error instanceof Error ? error.message : error}`);
  }
  return { urlOf: (index) => `http://127.0.0.1:${port}/${index}`, stop };
}
