import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { seedDatabase } from "../scripts/lib/demo-content";
import { createPrismaClient } from "../scripts/lib/prisma";
import { createTestDatabase, withMigratedDatabase, type TestDatabase } from "./support/databases";

// Out and back in: the demo blog exported in each format, imported into an empty blog through the
// same engine `npm run import` uses, and exported again, comes out the same apart from the
// export's own timestamp. So a blog can leave Longhand and come back with nothing lost.
const source = withMigratedDatabase();
const siteUrl = "https://reading-room.example";
const firstTime = new Date("2026-11-29T10:00:00.000Z");
const secondTime = new Date("2026-11-30T18:45:00.000Z");
let sourceDb: PrismaClient;
let folder: string;
let exportBlog: typeof import("../lib/transfer/export").exportBlog;
let importFile: typeof import("../lib/transfer/import/run").importFile;
const targets: TestDatabase[] = [];

beforeAll(async () => {
  ({ exportBlog } = await import("../lib/transfer/export"));
  ({ importFile } = await import("../lib/transfer/import/run"));
  await seedDatabase(source.url);
  sourceDb = createPrismaClient(source.url);
  folder = await mkdtemp(path.join(tmpdir(), "longhand-round-trip-"));
  const author = await sourceDb.user.findUniqueOrThrow({ where: { email: "maggie@example.com" } });
  // What the demo blog lacks: a draft and a post scheduled for later.
  await sourceDb.post.create({ data: { title: "Notes towards a catalogue", slug: "notes-towards-a-catalogue", bodyHtml: "<p>Unfinished &amp; unpublished.</p>", authorId: author.id, createdAt: firstTime, updatedAt: firstTime } });
  await sourceDb.post.create({
    data: {
      title: "Ελληνικά βιβλία, soon",
      slug: "greek-books-soon",
      permalink: "/2031/02/greek-books-soon",
      bodyHtml: "<p>Γράφτηκε νωρίς.</p>",
      status: "SCHEDULED",
      publishedAt: new Date("2031-02-03T09:00:00.000Z"),
      authorId: author.id,
      createdAt: firstTime,
      updatedAt: firstTime,
    },
  });
});

afterAll(async () => {
  await sourceDb?.$disconnect();
  for (const target of targets) await target.drop();
  await rm(folder, { recursive: true, force: true });
});

async function exportText(db: PrismaClient, format: "atom" | "wxr" | "json", now: Date): Promise<string> {
  let text = "";
  for await (const chunk of exportBlog(db, format, { now, siteUrl })) text += chunk;
  return text;
}

/** The second export with its own timestamp written as the first's, in every form an export writes one. */
function asOfFirstTime(text: string): string {
  const forms = (date: Date) => [date.toISOString(), date.toUTCString().replace("GMT", "+0000"), date.toISOString().replace("T", " ").slice(0, 19)];
  const [second, first] = [forms(secondTime), forms(firstTime)];
  return second.reduce((result, form, index) => result.replaceAll(form, first[index]!), text);
}

describe.each(["json", "atom", "wxr"] as const)("%s", (format) => {
  test("export, import into an empty blog, export again: the same", async () => {
    const first = await exportText(sourceDb, format, firstTime);
    const file = path.join(folder, `export.${format}`);
    await writeFile(file, first);

    const target = await createTestDatabase({ migrated: true });
    targets.push(target);
    const report = await importFile({ databaseUrl: target.url, filePath: file });
    expect(report.counts.posts.created).toBe(await sourceDb.post.count({ where: { trashedAt: null } }));
    expect(report.counts.comments.created).toBeGreaterThan(20);

    const targetDb = createPrismaClient(target.url);
    try {
      const second = await exportText(targetDb, format, secondTime);
      expect(second).not.toBe(first);
      expect(asOfFirstTime(second)).toBe(first);
      // And the blog that came back is readable: the entry of 8 September 2011 with Annie's comment.
      const post = await targetDb.post.findFirstOrThrow({ where: { permalink: { startsWith: "/2011/09/" } }, include: { comments: true } });
      expect(post.status).toBe("PUBLISHED");
      expect(post.comments.length).toBeGreaterThan(0);
    } finally {
      await targetDb.$disconnect();
    }

    const again = await importFile({ databaseUrl: target.url, filePath: file });
    expect(again.unchanged).toBe(true);
  });
});
