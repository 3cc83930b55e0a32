// `npm test`: every suite, then the totals alone on the last line: "N passed, N failed[, N skipped]".
// Type checking and lint count as one test each; Vitest and Playwright report their own tests.
// Two Nodes: the machine's own, which runs npm (CI has it), and Node 24 from the node24 package.
// Vitest runs under both; Playwright runs once, with the blog under Node 24 (README, "Tests").
import { execFileSync, spawn } from "node:child_process";
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

interface NodeBinary {
  label: string;
  path: string;
}

// The node24 package's binary is also node_modules/.bin/node, first on the PATH npm gives its
// scripts (this one included), so the machine's Node is the one npm itself runs on.
const machineNode: NodeBinary = { label: "the machine's Node", path: process.env.npm_node_execpath || process.execPath };
const node24: NodeBinary = { label: "Node 24", path: path.join(projectRoot, "node_modules", "node24", "bin", "node") };

/** Runs a package's script under `node`, which also comes first on the PATH for whatever it starts. */
function run(node: NodeBinary, script: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const PATH = `${path.dirname(node.path)}${path.delimiter}${process.env.PATH ?? ""}`;
    const child = spawn(node.path, [script, ...args], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, PATH } });
    child.on("error", () => resolve(127));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function check(suite: string, steps: [string, string[]][]): Promise<Tally> {
  console.log(`\n=== ${suite} ===`);
  for (const [command, args] of steps) {
    if ((await run(machineNode, command, args)) !== 0) return { suite, passed: 0, failed: 1, skipped: 0 };
  }
  return { suite, passed: 1, failed: 0, skipped: 0 };
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

/** Says so and fails the suite when the node24 package is missing (an install without dev dependencies). */
function nodeIsThere(node: NodeBinary): boolean {
  if (existsSync(node.path)) return true;
  console.error(`${node.label} is not at ${node.path}: run \`npm install\` (the node24 dev dependency brings it).`);
  return false;
}

async function vitest(node: NodeBinary, suite: string): Promise<Tally> {
  console.log(`\n=== unit and integration tests (Vitest, real PostgreSQL, ${node.label} ${versionOf(node)}) ===`);
  if (!nodeIsThere(node)) return { suite, passed: 0, failed: 1, skipped: 0 };
  const report = path.join(resultsDir, `${suite}.json`);
  const code = await run(node, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!json) return { suite, passed: 0, failed: 1, skipped: 0 };
  // A run that failed outside any test (setup, a file that does not load, an uncaught error) still counts as a failure.
  const failed = json.numFailedTests || (code === 0 ? 0 : 1);
  return { suite, passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests };
}

function versionOf(node: NodeBinary): string {
  return existsSync(node.path) ? execFileSync(node.path, ["--version"]).toString().trim() : "(missing)";
}

async function playwright(node: NodeBinary): Promise<Tally> {
  console.log(`\n=== end-to-end tests (Playwright, Chromium, production build, ${node.label} ${versionOf(node)}) ===`);
  if (!nodeIsThere(node)) return { suite: "playwright", passed: 0, failed: 1, skipped: 0 };
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`Chromium is not at ${chromium}: install it with \`apt-get update && apt-get install -y chromium\`.`);
    return { suite: "playwright", passed: 0, failed: 1, skipped: 0 };
  }
  const report = path.join(resultsDir, "e2e.json");
  const code = await run(node, bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
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
  await vitest(machineNode, "vitest"),
  await vitest(node24, "vitest-node24"),
  // The blog under test (npm start's script, the build, server.mjs) runs on the Node that runs Playwright.
  await playwright(node24),
];

console.log("\n=== summary ===");
for (const tally of tallies) {
  console.log(`${tally.suite.padEnd(14)} ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
}
const total = (key: "passed" | "failed" | "skipped") => tallies.reduce((sum, tally) => sum + tally[key], 0);
const skipped = total("skipped");
console.log(`${total("passed")} passed, ${total("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = total("failed") > 0 ? 1 : 0;
