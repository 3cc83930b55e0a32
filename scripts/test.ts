// `npm test`: every suite, then the totals alone on the last line: "N passed, N failed[, N skipped]".
// Type checking and lint count as one test each; Vitest and Playwright report their own tests.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./lib/paths";
import { ensurePrismaClient } from "./lib/prisma-generate";

interface Tally {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
}

const resultsDir = path.join(projectRoot, "test-results");
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("error", () => resolve(127));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function check(suite: string, steps: [string, string[]][]): Promise<Tally> {
  console.log(`\n=== ${suite} ===`);
  for (const [command, args] of steps) {
    if ((await run(command, args)) !== 0) return { suite, passed: 0, failed: 1, skipped: 0 };
  }
  return { suite, passed: 1, failed: 0, skipped: 0 };
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

async function vitest(): Promise<Tally> {
  console.log("\n=== unit and integration tests (Vitest, real PostgreSQL) ===");
  const report = path.join(resultsDir, "vitest.json");
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!json) return { suite: "vitest", passed: 0, failed: 1, skipped: 0 };
  // A run that failed outside any test (setup, a file that does not load) still counts as a failure.
  const failed = json.numFailedTests || (code === 0 ? 0 : 1);
  return { suite: "vitest", passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests };
}

async function playwright(): Promise<Tally> {
  console.log("\n=== end-to-end tests (Playwright, Chromium, production build) ===");
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`Chromium is not at ${chromium}: install it with \`apt-get update && apt-get install -y chromium\`.`);
    return { suite: "playwright", passed: 0, failed: 1, skipped: 0 };
  }
  const report = path.join(resultsDir, "e2e.json");
  const code = await run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
  if (!json) return { suite: "playwright", passed: 0, failed: 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = json.stats;
  return { suite: "playwright", passed: expected + flaky, failed: unexpected || (code === 0 ? 0 : 1), skipped };
}

rmSync(resultsDir, { recursive: true, force: true });
ensurePrismaClient();
const tallies = [
  await check("typecheck", [
    [bin("next"), ["typegen"]],
    [bin("tsc"), ["--noEmit"]],
    [bin("tsc"), ["--noEmit", "-p", "tsconfig.server.json"]],
  ]),
  await check("lint", [[bin("eslint"), ["--max-warnings", "0", "."]]]),
  await vitest(),
  await playwright(),
];

console.log("\n=== summary ===");
for (const tally of tallies) {
  console.log(`${tally.suite.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
}
const total = (key: "passed" | "failed" | "skipped") => tallies.reduce((sum, tally) => sum + tally[key], 0);
const skipped = total("skipped");
console.log(`${total("passed")} passed, ${total("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = total("failed") > 0 ? 1 : 0;
