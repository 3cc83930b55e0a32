import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "..", "..");

export interface StartedBlog {
  process: ChildProcess;
  /** Everything the start script printed so far. */
  output(): string;
  /** Sends Ctrl-C's signal and resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

/** Runs `npm start`'s script with the given environment and waits until it says the blog is up. */
export async function startBlog(env: Record<string, string | undefined>, { timeoutMs = 300_000 } = {}): Promise<StartedBlog> {
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/start.ts"],
    { cwd: projectRoot, env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGINT");
      reject(new Error(`npm start did not come up in ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const check = () => {
      if (output.includes("Longhand is running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (code ${code}) before the blog was up:\n${output}`));
    });
  });

  return {
    process: child,
    output: () => output,
    interrupt: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}
