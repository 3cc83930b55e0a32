import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { gadgetConfigSchema } from "../lib/validation/gadgets";
import { BLOG_URL, makeAccount, makePost, type Account } from "./authorization-matrix-fixtures";
import { withMigratedDatabase } from "./support/databases";
import { inNextRequest, nextRequest } from "./support/next-request";
import { sessionTokenFor } from "./support/session-cookie";

// Layout gadgets against PostgreSQL: each kind's settings, the Layout page's actions as the page's
// script sends them (inside Next's request scope, as an admin or not), and what reader pages read.
const database = withMigratedDatabase();
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
let db: typeof import("../lib/db").db;
let store: typeof import("../lib/gadgets/store");
let actions: typeof import("../lib/actions/dashboard/layout");
let popular: typeof import("../lib/gadgets/popular");
let archiveRoute: typeof import("../app/archive/route");
let admin: Account;

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: BLOG_URL, NEXTAUTH_SECRET: SECRET });
  db = (await import("../lib/db")).db;
  store = await import("../lib/gadgets/store");
  actions = await import("../lib/actions/dashboard/layout");
  popular = await import("../lib/gadgets/popular");
  archiveRoute = await import("../app/archive/route");
  admin = await makeAccount("ADMIN");
});

/** The layout as a new blog has it: the migration's two sidebar gadgets. */
async function resetLayout() {
  await db.gadget.deleteMany();
  await db.gadget.createMany({
    data: [
      { id: "default-archive", area: "SIDEBAR", position: 0, kind: "ARCHIVE", config: { style: "HIERARCHY" } },
      { id: "default-labels", area: "SIDEBAR", position: 1, kind: "LABELS", config: { display: "LIST", sort: "NAME" } },
    ],
  });
}

const shape = async () => {
  const layout = await store.listLayout();
  return { SIDEBAR: layout.SIDEBAR.map((gadget) => gadget.id), FOOTER: layout.FOOTER.map((gadget) => gadget.id) };
};

type Fields = Record<string, string | string[]>;

/** A Layout form as the page's script sends it, by `as`. */
async function send<Result>(action: (previous: null, form: FormData) => Promise<Result>, fields: Fields, as: Account = admin) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item);
  const headers = new Headers({ origin: BLOG_URL, "next-action": "layout-test", cookie: `next-auth.session-token=${await sessionTokenFor(as.id, SECRET)}` });
  const request = nextRequest(new URL("/dashboard/layout", BLOG_URL), { method: "POST", headers });
  const { outcome, expiredTags } = await inNextRequest({ page: "/dashboard/layout/page", request }, () => action(null, form));
  if (outcome.status === "rejected") throw outcome.reason;
  return { state: outcome.value, expiredTags };
}

/** A drop, as the drag-and-drop list sends it. */
async function drop(order: { area: string; ids: string[] }, as: Account = admin) {
  const headers = new Headers({ origin: BLOG_URL, "next-action": "layout-test", cookie: `next-auth.session-token=${await sessionTokenFor(as.id, SECRET)}` });
  const request = nextRequest(new URL("/dashboard/layout", BLOG_URL), { method: "POST", headers });
  const { outcome, expiredTags } = await inNextRequest({ page: "/dashboard/layout/page", request }, () => actions.reorderGadgetsAction(order as never));
  if (outcome.status === "rejected") throw outcome.reason;
  return { state: outcome.value, expiredTags };
}

async function addGadget(kind: string, area = "SIDEBAR") {
  const { state } = await send(actions.addGadgetAction, { kind, area });
  expect(state.ok).toBe(true);
  const [newest] = await db.gadget.findMany({ where: { area: area as "SIDEBAR" }, orderBy: { position: "desc" }, take: 1 });
  return newest!.id;
}

beforeEach(resetLayout);

describe("each kind's settings", () => {
  test.each([
    ["PROFILE", { photoId: "", text: "I keep the reading room.", linkUrl: "/p/about", linkText: "More" }],
    ["ARCHIVE", { style: "DROPDOWN" }],
    ["LABELS", { display: "CLOUD", sort: "COUNT" }],
    ["POPULAR_POSTS", { days: "365", count: "10" }],
    ["LINK_LIST", { links: "Allotment society | https://example.org/allotment\nOur about page | /p/about" }],
    ["TEXT", { text: "Open on Thursdays." }],
    ["HTML", { html: "<p><b>Hello</b></p>" }],
    ["SUBSCRIBE", { comments: "on" }],
    ["SEARCH", {}],
  ])("%s takes what its form sends", (kind, fields) => {
    expect(gadgetConfigSchema.safeParse({ kind, ...fields }).success).toBe(true);
  });

  test.each([
    ["PROFILE", { linkUrl: "javascript:alert(1)" }, "linkUrl"],
    ["PROFILE", { photoId: "../../etc/passwd" }, "photoId"],
    ["ARCHIVE", { style: "SPIRAL" }, "style"],
    ["LABELS", { display: "LIST", sort: "COLOUR" }, "sort"],
    ["POPULAR_POSTS", { days: "14", count: "5" }, "days"],
    ["POPULAR_POSTS", { days: "30", count: "11" }, "count"],
    ["LINK_LIST", { links: "No address on this line" }, "links"],
    ["LINK_LIST", { links: "Sneaky | //evil.example/" }, "links"],
    ["LINK_LIST", { links: Array.from({ length: 31 }, (_, index) => `Link ${index} | /p/${index}`).join("\n") }, "links"],
    ["TEXT", { text: "x".repeat(5001) }, "text"],
    ["HTML", { html: "x".repeat(20_001) }, "html"],
  ])("%s refuses %o at its field", (kind, fields, field) => {
    const parsed = gadgetConfigSchema.safeParse({ kind, ...fields });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe(field);
  });

  test("a kind that is not one is refused", () => {
    expect(gadgetConfigSchema.safeParse({ kind: "WEATHER" }).success).toBe(false);
  });
});

describe("the layout", () => {
  test("a migrated blog has today's sidebar: the archive tree, then the labels by name", async () => {
    const layout = await store.listLayout();
    expect(layout.FOOTER).toEqual([]);
    expect(layout.SIDEBAR.map(({ config }) => config)).toEqual([
      { kind: "ARCHIVE", style: "HIERARCHY" },
      { kind: "LABELS", display: "LIST", sort: "NAME" },
    ]);
  });

  test("an added gadget goes to the foot of its area with its kind's defaults, and reader pages' gadgets expire", async () => {
    const { state, expiredTags } = await send(actions.addGadgetAction, { kind: "POPULAR_POSTS", area: "FOOTER" });
    expect(state).toMatchObject({ ok: true, message: "Added a Popular posts gadget at the foot of the footer. Edit it below to set it up." });
    expect(expiredTags).toContain("gadgets");
    const { FOOTER } = await store.listLayout();
    expect(FOOTER.map(({ config }) => config)).toEqual([{ kind: "POPULAR_POSTS", days: 30, count: 5 }]);
  });

  test("an edit saves the title and settings; a refused one names its gadget and its field, and changes nothing", async () => {
    const id = await addGadget("LINK_LIST");
    const saved = await send(actions.saveGadgetAction, { id, kind: "LINK_LIST", title: " Friends ", links: "Allotment society | https://example.org/allotment" });
    expect(saved.state.ok).toBe(true);
    expect(saved.expiredTags).toContain("gadgets");
    const refused = await send(actions.saveGadgetAction, { id, kind: "LINK_LIST", title: "Enemies", links: "Bad | ftp://example.org/" });
    expect(refused.state).toMatchObject({ ok: false, values: { id } });
    expect(refused.state.errors).toHaveProperty("links");
    expect(refused.expiredTags).toEqual([]);
    const gadget = (await store.listLayout()).SIDEBAR.find((each) => each.id === id);
    expect(gadget).toMatchObject({ title: "Friends", config: { kind: "LINK_LIST", links: [{ text: "Allotment society", url: "https://example.org/allotment" }] } });
  });

  test("an edit cannot change a gadget's kind, and a profile's photo must be one of the blog's images", async () => {
    const id = await addGadget("PROFILE");
    expect((await send(actions.saveGadgetAction, { id, kind: "HTML", html: "<p>Hi</p>" })).state).toMatchObject({ ok: false, message: "That gadget is of another kind than this form: reload the page." });
    expect((await send(actions.saveGadgetAction, { id, kind: "PROFILE", photoId: "no-such-upload" })).state).toMatchObject({ ok: false, errors: { photoId: [expect.any(String)] } });
    expect((await db.gadget.findUnique({ where: { id } }))?.kind).toBe("PROFILE");
  });

  test("HTML is sanitized when saved, and a row stored around the app is sanitized again when read", async () => {
    const id = await addGadget("HTML");
    const html = '<p onclick="steal()">Hi<script>steal()</script></p><iframe src="https://www.youtube.com/embed/abcdefgh"></iframe><img src="https://tracker.example/pixel.gif" alt="x"><img src="/uploads/ab/cat.png" alt="Cat">';
    expect((await send(actions.saveGadgetAction, { id, kind: "HTML", html })).state.ok).toBe(true);
    const stored = (await db.gadget.findUnique({ where: { id } }))?.config as { html: string };
    expect(stored.html).toBe('<p>Hi</p><img src="/uploads/ab/cat.png" alt="Cat" />');

    await db.gadget.update({ where: { id }, data: { config: { html: '<p>Hand-made</p><script>steal()</script><img src="https://tracker.example/p.gif">' } } });
    const read = (await store.listLayout()).SIDEBAR.find((gadget) => gadget.id === id)?.config;
    expect(read).toEqual({ kind: "HTML", html: "<p>Hand-made</p>" });
  });

  test("a row whose settings no longer read is left out, and the rest of the layout still shows", async () => {
    const id = await addGadget("TEXT");
    await db.gadget.update({ where: { id }, data: { config: { text: 42 } } });
    expect((await shape()).SIDEBAR).toEqual(["default-archive", "default-labels"]);
  });

  test("removing closes the gap: positions stay 0, 1, 2…", async () => {
    const text = await addGadget("TEXT");
    const { state, expiredTags } = await send(actions.removeGadgetAction, { id: "default-labels" });
    expect(state).toMatchObject({ ok: true, message: "Removed Labels from the sidebar." });
    expect(expiredTags).toContain("gadgets");
    const rows = await db.gadget.findMany({ where: { area: "SIDEBAR" }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    expect(rows).toEqual([
      { id: "default-archive", position: 0 },
      { id: text, position: 1 },
    ]);
    expect((await send(actions.removeGadgetAction, { id: "default-labels" })).state).toMatchObject({ ok: false, message: "That gadget was not found." });
  });

  test("moves: up, down, to the other area and back, and a step past the end changes nothing and says so", async () => {
    const search = await addGadget("SEARCH");
    expect((await send(actions.moveGadgetAction, { id: search, move: "UP" })).state).toMatchObject({ ok: true, message: "Moved Search box: now 2 of 3 in the sidebar." });
    expect((await shape()).SIDEBAR).toEqual(["default-archive", search, "default-labels"]);
    expect((await send(actions.moveGadgetAction, { id: "default-archive", move: "UP" })).state).toMatchObject({ ok: false, message: "That gadget is already at the top of its area." });
    expect((await send(actions.moveGadgetAction, { id: "default-archive", move: "DOWN" })).expiredTags).toContain("gadgets");
    expect((await shape()).SIDEBAR).toEqual([search, "default-archive", "default-labels"]);

    expect((await send(actions.moveGadgetAction, { id: "default-archive", move: "OTHER_AREA" })).state).toMatchObject({ ok: true, message: "Moved Blog archive: now 1 of 1 in the footer." });
    expect(await shape()).toEqual({ SIDEBAR: [search, "default-labels"], FOOTER: ["default-archive"] });
    await send(actions.moveGadgetAction, { id: "default-archive", move: "OTHER_AREA" });
    expect(await shape()).toEqual({ SIDEBAR: [search, "default-labels", "default-archive"], FOOTER: [] });
    expect((await send(actions.moveGadgetAction, { id: search, move: "SIDEWAYS" })).state).toMatchObject({ ok: false, errors: { move: [expect.any(String)] } });
  });
});

describe("a drop (the area's whole order)", () => {
  test("is saved as given", async () => {
    const text = await addGadget("TEXT");
    const { state, expiredTags } = await drop({ area: "SIDEBAR", ids: [text, "default-labels", "default-archive"] });
    expect(state).toMatchObject({ ok: true, message: "Saved the sidebar's new order." });
    expect(expiredTags).toContain("gadgets");
    expect((await shape()).SIDEBAR).toEqual([text, "default-labels", "default-archive"]);
  });

  test.each([
    ["stale: a gadget added since the page loaded is missing", () => ["default-labels", "default-archive"]],
    ["forged: an id that is not in the area", () => ["default-labels", "default-archive", "made-up"]],
    ["forged: a gadget of the other area", (footer: string) => ["default-labels", "default-archive", footer]],
  ])("%s: refused whole, nothing moves", async (_case, ids) => {
    await addGadget("TEXT");
    const footer = await addGadget("SEARCH", "FOOTER");
    const before = await shape();
    const { state, expiredTags } = await drop({ area: "SIDEBAR", ids: ids(footer) });
    expect(state).toMatchObject({ ok: false, code: "CONFLICT", message: "The layout changed since this page was loaded, so nothing was moved. Reload the page and try again." });
    expect(expiredTags).toEqual([]);
    expect(await shape()).toEqual(before);
  });

  test("a list naming one gadget twice, or no area, never reaches the database", async () => {
    expect((await drop({ area: "SIDEBAR", ids: ["default-labels", "default-labels"] })).state).toMatchObject({ ok: false, code: "INVALID" });
    expect((await drop({ area: "HEADER", ids: ["default-labels", "default-archive"] })).state).toMatchObject({ ok: false, code: "INVALID" });
    expect((await shape()).SIDEBAR).toEqual(["default-archive", "default-labels"]);
  });
});

describe("only an admin lays out the blog", () => {
  test("the Layout page is an admin's area of the dashboard", async () => {
    const { mayOpenDashboardPath } = await import("../lib/dashboard/path-access");
    expect(mayOpenDashboardPath("ADMIN", "/dashboard/layout")).toBe(true);
    expect(mayOpenDashboardPath("AUTHOR", "/dashboard/layout")).toBe(false);
  });

  test.each(["AUTHOR", "READER"] as const)("an %s is refused every change, and nothing changes", async (role) => {
    const someone = await makeAccount(role);
    const before = await db.gadget.findMany({ orderBy: { id: "asc" } });
    const refusals = [
      await send(actions.addGadgetAction, { kind: "HTML", area: "SIDEBAR" }, someone),
      await send(actions.saveGadgetAction, { id: "default-labels", kind: "LABELS", display: "CLOUD", sort: "COUNT" }, someone),
      await send(actions.removeGadgetAction, { id: "default-labels" }, someone),
      await send(actions.moveGadgetAction, { id: "default-labels", move: "UP" }, someone),
      await drop({ area: "SIDEBAR", ids: ["default-labels", "default-archive"] }, someone),
    ];
    for (const { state, expiredTags } of refusals) {
      expect(state).toMatchObject({ ok: false, message: "You are not allowed to do that." });
      expect(expiredTags).toEqual([]);
    }
    expect(await db.gadget.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("popular posts", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const now = new Date("2026-11-30T12:00:00Z");
  let writer: Account;
  beforeAll(async () => {
    writer = await makeAccount("AUTHOR");
  });

  async function commentsOn(postId: string, ...comments: { daysAgo: number; status?: "VISIBLE" | "PENDING" | "SPAM" | "DELETED" }[]) {
    for (const { daysAgo, status = "VISIBLE" } of comments) {
      await db.comment.create({
        data: { postId, userId: writer.id, bodyHtml: "<p>Yes.</p>", status, createdAt: new Date(now.getTime() - daysAgo * DAY), idempotencyKey: randomBytes(8).toString("hex") },
      });
    }
  }

  test("count only visible comments written in the period, most first, and leave out posts without any", async () => {
    await db.comment.deleteMany();
    const [busyLongAgo, busyLately, heldOnly, draft, quiet] = await Promise.all([
      makePost(writer, "published"),
      makePost(writer, "published"),
      makePost(writer, "published"),
      makePost(writer, "draft"),
      makePost(writer, "published"),
    ]);
    await commentsOn(busyLongAgo.postId, { daysAgo: 100 }, { daysAgo: 200 }, { daysAgo: 300 }, { daysAgo: 3 });
    await commentsOn(busyLately.postId, { daysAgo: 1 }, { daysAgo: 2 }, { daysAgo: 5, status: "DELETED" });
    await commentsOn(heldOnly.postId, { daysAgo: 1, status: "PENDING" }, { daysAgo: 1, status: "SPAM" }, { daysAgo: 2, status: "DELETED" });
    await commentsOn(draft.postId, { daysAgo: 1 }, { daysAgo: 1 }, { daysAgo: 1 });
    void quiet;

    const titleOf = async (postId: string) => (await db.post.findUniqueOrThrow({ where: { id: postId } })).title;
    expect(await popular.listPopularPosts({ days: 7, count: 5, now })).toEqual([
      { title: await titleOf(busyLately.postId), permalink: busyLately.permalink, comments: 2 },
      { title: await titleOf(busyLongAgo.postId), permalink: busyLongAgo.permalink, comments: 1 },
    ]);
    expect((await popular.listPopularPosts({ days: 365, count: 5, now })).map((post) => [post.permalink, post.comments])).toEqual([
      [busyLongAgo.permalink, 4],
      [busyLately.permalink, 2],
    ]);
    expect((await popular.listPopularPosts({ days: 0, count: 1, now })).map((post) => post.permalink)).toEqual([busyLongAgo.permalink]);
  });
});

describe("the archive dropdown's answer (/archive)", () => {
  const ask = (query: string) => archiveRoute.GET(nextRequest(new URL(`/archive${query}`, BLOG_URL), { method: "GET" }));

  test("sends a year or month on to its page", async () => {
    for (const period of ["2011/09", "2011"]) {
      const response = await ask(`?period=${encodeURIComponent(period)}`);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`/${period}`);
    }
  });

  test.each(["", "?period=2011/13", "?period=//evil.example", "?period=2011/09/a-post", "?period=https://evil.example/"])("refuses %s with a 400", async (query) => {
    expect((await ask(query)).status).toBe(400);
  });
});
