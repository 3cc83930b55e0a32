import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../scripts/lib/net";
import { startBlog, type StartedBlog } from "./support/start-script";

// `npm start` as a newcomer runs it: no DATABASE_URL, so an embedded PostgreSQL in its data
// folder. It builds into its own folder so the shared server's build is left alone.
test.describe("npm start with no configuration", () => {
  test.describe.configure({ mode: "serial", timeout: 420_000 });

  let dataParent: string;
  const distDir = ".next-e2e-start";
  // Whatever a failed assertion leaves running is stopped here.
  const started: StartedBlog[] = [];
  const start = async (env: Record<string, string>) => {
    const blog = await startBlog(env);
    started.push(blog);
    return blog;
  };
  test.afterEach(async () => {
    await Promise.all(started.splice(0).filter((blog) => blog.process.exitCode === null).map((blog) => blog.interrupt()));
  });

  test.beforeAll(async () => {
    dataParent = await mkdtemp(path.join(tmpdir(), "longhand-start-"));
    // As root the cluster runs as the "postgres" user, who must be able to reach its folder.
    await chmod(dataParent, 0o755);
  });
  test.afterAll(async () => {
    await rm(dataParent, { recursive: true, force: true });
    await rm(path.join(import.meta.dirname, "..", distDir), { recursive: true, force: true });
  });

  async function postgresPid(): Promise<number> {
    const pidFile = await readFile(path.join(dataParent, "data", "postgres", "postmaster.pid"), "utf8");
    return Number(pidFile.split("\n")[0]);
  }

  function isRunning(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  test("serves the demo blog, stops cleanly on Ctrl-C, and keeps the data for the next start", async ({ page }) => {
    const env = { DATABASE_URL: "", LONGHAND_DATA_DIR: path.join(dataParent, "data"), LONGHAND_DIST_DIR: distDir, HOST: "127.0.0.1" };

    const firstPort = await findFreePort();
    const first = await start({ ...env, PORT: String(firstPort) });
    // Every migration in the project, however many branches have added.
    const migrations = (await readdir(path.join(import.meta.dirname, "..", "prisma", "migrations"), { withFileTypes: true })).filter((entry) => entry.isDirectory());
    expect(first.output()).toContain(`Applied ${migrations.length} migration(s).`);
    expect(first.output()).toMatch(/Seeded the demo blog: \d+ posts/);
    expect(first.output()).toContain(`Longhand is running at http://localhost:${firstPort}`);
    expect(first.output()).toContain("Sign in: maggie@example.com / reading-room-demo");

    await page.goto(`http://127.0.0.1:${firstPort}/`);
    await expect(page.getByRole("heading", { name: "Thursday, 8 September 2011" })).toBeVisible();
    const firstTitles = await page.locator("main article h3").allTextContents();

    const postgres = await postgresPid();
    expect(isRunning(postgres)).toBe(true);
    expect(await first.interrupt()).not.toBeNull();
    expect(first.output()).toContain("Longhand stopped.");
    expect(isRunning(postgres)).toBe(false);
    await expect(page.goto(`http://127.0.0.1:${firstPort}/`)).rejects.toThrow();

    const secondPort = await findFreePort();
    const second = await start({ ...env, PORT: String(secondPort) });
    expect(second.output()).not.toContain("Seeded");
    expect(second.output()).not.toContain("Building");
    expect(second.output()).not.toContain("Applied");
    await page.goto(`http://127.0.0.1:${secondPort}/`);
    expect(await page.locator("main article h3").allTextContents()).toEqual(firstTitles);
    await second.interrupt();
  });

  test("refuses a bad setting before starting anything", async () => {
    const failure = startBlog({ DATABASE_URL: "mysql://nope", PORT: String(await findFreePort()) }, { timeoutMs: 60_000 });
    await expect(failure).rejects.toThrow(/Longhand cannot start: Longhand's configuration is not valid:\n {2}- DATABASE_URL must be a postgresql:\/\/ URL/);
  });
});
