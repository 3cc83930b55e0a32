import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium is not at ${CHROMIUM}. The end-to-end tests use Debian's Chromium: run ` +
      "`apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).",
  );
}

// Chosen once in the main process; the workers inherit it through the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();

const GUESTS = /guest-comments\.spec\.ts/;
const LOCALE = /locale\.spec\.ts/;
const LAYOUT = /layout-gadgets\.spec\.ts/;
const APPEARANCE = /appearance\.spec\.ts/;
const NOT_FOUND_CURRENT = /not-found-current\.spec\.ts/;
const WRITING = [/(author-pages|visibility|comments|notifications|locale|legacy-addresses|way-in|security-headers|hostile-input|outage|several-instances|page-weight|feed-search-cache)\.spec\.ts/, /dashboard\/.*\.spec\.ts/];

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      // Keep Chromium from calling home: this machine has no network beyond loopback.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    // Specs that change what readers see (comments, the dashboard) run after those that read the
    // shared demo blog.
    { name: "reading", testIgnore: [...WRITING, LAYOUT, APPEARANCE, NOT_FOUND_CURRENT] },
    { name: "writing", testMatch: WRITING, testIgnore: [GUESTS, LOCALE], dependencies: ["reading"] },
    // Guests comment only while the blog is open to "Anyone", which changes every post's comment
    // form: that spec runs alone, after every other spec that comments.
    { name: "guests", testMatch: GUESTS, dependencies: ["writing"] },
    // The blog's language changes every reader page's words and dates: that spec runs alone.
    { name: "locale", testMatch: LOCALE, dependencies: ["guests"] },
    // Layout gadgets change every reader page's sidebar and footer: after the language, alone.
    { name: "layout", testMatch: LAYOUT, dependencies: ["locale"] },
    // The blog's theme, colours and fonts change every reader page too: alone, after the layout.
    { name: "appearance", testMatch: APPEARANCE, dependencies: ["layout"] },
    // The blog's title on the 404 page: after the appearance, alone.
    { name: "not-found-current", testMatch: NOT_FOUND_CURRENT, dependencies: ["appearance"] },
  ],
});
