import { expect, type Page } from "@playwright/test";
import pg from "pg";

// Specs that change the blog-wide Setting row (admin.spec, hostile-input.spec) run in parallel
// workers; each holds this PostgreSQL advisory lock while the row is changed, so one never reads
// another's temporary title as the one to put back. Two keys keep it apart from the app's locks.
const LOCK = "SELECT pg_advisory_lock(hashtext('longhand e2e'), hashtext('blog settings'))";

/** Holds the blog settings lock until the returned release is called. */
export async function holdBlogSettings(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(LOCK);
  // Ending the session releases the lock.
  return () => client.end();
}

/**
 * Sets one of the dashboard's blog settings (a select, by its label) as an admin would, and waits
 * for the saved message: reader pages show the change from then on. Hold the lock around it.
 */
export async function chooseBlogSetting(admin: Page, setting: string, choice: string): Promise<void> {
  await admin.goto("/dashboard/settings");
  await admin.getByLabel(setting).selectOption({ label: choice });
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status")).toHaveText("Settings saved. Reader pages show them now.", { timeout: 20_000 });
}
