import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startMailCapture, type MailCapture } from "../e2e/support/mail-capture";
import { MATRIX, type MatrixEntry, type ServerFunction } from "./authorization-matrix-entries";
import { accountOf, BLOG_URL, endSessions, makeWorld, setRole, type World } from "./authorization-matrix-fixtures";
import { CALLERS, verdictOf, type Caller } from "./authorization-matrix-verdicts";
import { withMigratedDatabase } from "./support/databases";
import { inNextRequest, nextRequest, type NextRequest } from "./support/next-request";
import { listServerEntryPoints, type ServerEntryPoint } from "./support/server-entry-points";
import { sessionTokenFor } from "./support/session-cookie";

// The authorization matrix: every server action and route handler, found in the code, called
// for real (inside Next's request scope, against PostgreSQL) by each kind of caller, and its
// answer held to the design in authorization-matrix-entries.ts. An allowed call does what it was
// asked; a refused one changes nothing and expires no cached page.
// "use cache" is compiled only by Next, so here reader data is read uncached, and the calls a
// cached function makes to label its entry have no entry to label.
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/cache")>()), cacheTag: () => {}, cacheLife: () => {} }));

const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const ENTRY_POINTS = listServerEntryPoints(ROOT);
const keyOf = ({ file, exportName }: ServerEntryPoint) => `${file}#${exportName}`;

const database = withMigratedDatabase();
let mail: MailCapture;
let uploadsDir: string;

beforeAll(async () => {
  mail = await startMailCapture();
  uploadsDir = await mkdtemp(path.join(tmpdir(), "longhand-authz-uploads-"));
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    NEXTAUTH_URL: BLOG_URL,
    NEXTAUTH_SECRET: SECRET,
    SMTP_URL: mail.smtpUrl,
    EMAIL_FROM: "blog@example.test",
    MAIL_DIR: mail.dir,
    UPLOADS_DIR: uploadsDir,
  });
});
afterAll(async () => {
  await mail?.stop();
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
});

/** The request as the caller's browser (or the server's tools) would send it. */
async function requestFor(caller: Caller, world: World, { kind }: ServerEntryPoint, arrival: ReturnType<MatrixEntry<unknown>["arrival"]>): Promise<NextRequest> {
  const method = kind === "action" ? "POST" : (arrival.method ?? "GET");
  const headers = new Headers(arrival.headers);
  if (method === "POST") headers.set("origin", BLOG_URL);
  // Sent by the page's script, as with JavaScript: the action answers instead of redirecting.
  if (kind === "action") headers.set("next-action", "authorization-matrix");
  if (caller === "serverTools") headers.set("authorization", `Bearer ${SECRET}`);
  else if (caller !== "signedOut") {
    const account = accountOf(caller, world);
    headers.set("cookie", `next-auth.session-token=${await sessionTokenFor(account.id, SECRET)}`);
    if (caller === "endedSession") await endSessions(account);
  }
  return nextRequest(new URL(arrival.path, BLOG_URL), { method, headers, body: arrival.body, ...(arrival.body ? { duplex: "half" } : {}) });
}

/** Next's name for the file's page: an action runs as part of a page, a handler as its route. */
const pageOf = (file: string) => file.replace(/^app/, "").replace(/\.tsx?$/, "");

test("every server action and route handler in the code has a row, and every row names one", () => {
  expect(ENTRY_POINTS.length).toBeGreaterThan(40);
  // Expected: what the code has; received: the rows. A new one needs its row; a row for one gone goes.
  expect(Object.keys(MATRIX).sort(), "the rows of tests/authorization-matrix-entries.ts").toEqual(ENTRY_POINTS.map(keyOf).sort());
});

describe.each(ENTRY_POINTS.map((point) => [keyOf(point), point] as const))("%s", (key, point) => {
  test("answers each caller as designed", async () => {
    const row = MATRIX[key];
    if (!row) throw new Error(`No row for ${key} in tests/authorization-matrix-entries.ts`);
    const exported = (await import(path.join(ROOT, point.file))) as Record<string, ServerFunction>;
    const world = await makeWorld();
    const answered: Partial<Record<Caller, string>> = {};
    const answers: Partial<Record<Caller, unknown>> = {};
    for (const caller of CALLERS) {
      const input = await row.prepare(world);
      const request = await requestFor(caller, world, point, row.arrival(input));
      const before = await row.state?.(input);
      if (caller === "demotedAuthor") await setRole(world.author, "READER");
      const { outcome, expiredTags } = await inNextRequest({ page: pageOf(point.file), request }, () => row.call(exported[point.exportName]!, input, request));
      if (caller === "demotedAuthor") await setRole(world.author, "AUTHOR");
      const verdict = verdictOf(outcome);
      answered[caller] = verdict;
      answers[caller] = outcome.status === "fulfilled" ? outcome.value : String(outcome.reason);
      if (verdict === "allowed") {
        if (row.state) expect(await row.state(input), `${caller} was allowed and it was done`).not.toEqual(before);
        if (outcome.status === "fulfilled") await row.shows?.(caller, outcome.value, input, world);
      } else {
        // Refused: nothing written, and no cached reader page thrown away on the caller's say-so.
        if (row.state) expect(await row.state(input), `${caller} was refused (${verdict}) and nothing changed`).toEqual(before);
        expect(expiredTags, `${caller} was refused (${verdict}) and no cache tag expired`).toEqual([]);
      }
    }
    expect(answered, `answers: ${JSON.stringify(answers)}`).toEqual(row.verdicts);
  });
});
