import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { contrastRatio } from "../lib/appearance/contrast";
import { THEME_IDS, THEMES } from "../lib/appearance/themes";
import { APPEARANCE_DEFAULTS, appearanceSchema } from "../lib/validation/appearance";
import { BLOG_URL, makeAccount, makeUpload, type Account } from "./authorization-matrix-fixtures";
import { withMigratedDatabase } from "./support/databases";
import { inNextRequest, nextRequest } from "./support/next-request";
import { sessionTokenFor } from "./support/session-cookie";

// The blog's appearance: the dashboard's save (through its server action, inside Next's request
// scope, against PostgreSQL), and the routes reader pages use for a reader's light or dark choice
// and for the self-hosted fonts.
const database = withMigratedDatabase();
const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
let db: typeof import("../lib/db").db;
let actions: typeof import("../lib/actions/dashboard/appearance");
let style: typeof import("../lib/appearance/style");
let schemeRoute: typeof import("../app/appearance/scheme/route");
let schemeCssRoute: typeof import("../app/appearance/scheme.css/route");
let fontRoute: typeof import("../app/fonts/[file]/route");
let uploadsDir: string;
let admin: Account;

beforeAll(async () => {
  uploadsDir = await mkdtemp(path.join(tmpdir(), "longhand-appearance-uploads-"));
  Object.assign(process.env, { DATABASE_URL: database.url, NEXTAUTH_URL: BLOG_URL, NEXTAUTH_SECRET: SECRET, UPLOADS_DIR: uploadsDir });
  db = (await import("../lib/db")).db;
  actions = await import("../lib/actions/dashboard/appearance");
  style = await import("../lib/appearance/style");
  schemeRoute = await import("../app/appearance/scheme/route");
  schemeCssRoute = await import("../app/appearance/scheme.css/route");
  fontRoute = await import("../app/fonts/[file]/route");
  admin = await makeAccount("ADMIN");
});
afterAll(async () => {
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
});

const SAVED = { theme: "TYPESET", accentLight: "#1d4e89", accentDark: "#9cc3f5", headingFont: "lora", bodyFont: "inter", headerImageId: "", faviconId: "" };

/** The Appearance form as the dashboard's script sends it, by the admin unless said otherwise. */
async function save(fields: Partial<Record<keyof typeof SAVED, string>>, by: Account = admin) {
  const headers = new Headers({ origin: BLOG_URL, "next-action": "appearance-test", cookie: `next-auth.session-token=${await sessionTokenFor(by.id, SECRET)}` });
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...SAVED, ...fields })) form.append(name, value);
  const request = nextRequest(new URL("/dashboard/appearance", BLOG_URL), { method: "POST", headers });
  const { outcome, expiredTags } = await inNextRequest({ page: "lib/actions/dashboard/appearance", request }, () => actions.saveAppearance({ ok: false }, form));
  if (outcome.status === "rejected") throw outcome.reason;
  return { state: outcome.value, expiredTags };
}

const row = () => db.appearance.findUnique({ where: { id: 1 }, omit: { updatedAt: true } });

describe("saving the appearance", () => {
  beforeEach(async () => {
    await db.appearance.deleteMany();
    expect((await save({})).state).toMatchObject({ ok: true });
  });

  test("a valid save is stored and expires every reader page (the settings' tag)", async () => {
    const { state, expiredTags } = await save({ theme: "POSTCARD", accentLight: "#8A3B12", headingFont: "merriweather" });
    expect(state).toMatchObject({ ok: true, message: "Appearance saved. Reader pages show it now." });
    expect(await row()).toMatchObject({ theme: "POSTCARD", accentLight: "#8a3b12", headingFont: "merriweather", bodyFont: "inter", headerImageId: null });
    expect(expiredTags).toContain("settings");
  });

  test("an accent that fails WCAG AA on the light page is refused, naming the ratio, and nothing is saved", async () => {
    const before = await row();
    const { state, expiredTags } = await save({ theme: "POSTCARD", accentLight: "#ffcc00", headingFont: "merriweather" });
    expect(state.ok).toBe(false);
    const errors = !state.ok && "errors" in state ? state.errors : undefined;
    expect(errors?.accentLight?.[0]).toMatch(/^The light accent #ffcc00 has a contrast of 1\.\d\d:1 against the Postcard theme's light page; WCAG AA needs 4\.5:1/);
    expect(await row()).toEqual(before);
    expect(expiredTags).toEqual([]);
  });

  test("the dark accent is checked against the dark page, and the text on accent buttons counts too", async () => {
    const dark = await save({ accentDark: "#5a5a5a" });
    const darkErrors = !dark.state.ok && "errors" in dark.state ? dark.state.errors : undefined;
    expect(darkErrors?.accentDark?.[0]).toMatch(/^The dark accent #5a5a5a has a contrast of 2\.\d\d:1 against the Typeset theme's dark page/);
    // Mid-grey is 4.5:1 on neither white nor near-black text, whatever the page.
    expect(appearanceSchema.safeParse({ ...SAVED, theme: "SIMPLE", accentLight: "#777777" }).error?.issues[0]?.message).toMatch(/against the Simple theme's light page/);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  test("the same accent may pass on one theme's page and fail on another's", async () => {
    // #767676 is 4.54:1 on Typeset's white page, under 4.5:1 on Postcard's grey one.
    expect((await save({ theme: "TYPESET", accentLight: "#767676" })).state.ok).toBe(true);
    const refused = await save({ theme: "POSTCARD", accentLight: "#767676" });
    const errors = !refused.state.ok && "errors" in refused.state ? refused.state.errors : undefined;
    expect(errors?.accentLight?.[0]).toContain("against the Postcard theme's light page");
    expect((await row())?.theme).toBe("TYPESET");
  });

  test("an unknown theme or font, or a colour carrying CSS, is refused and nothing is saved", async () => {
    const before = await row();
    for (const [fields, field] of [
      [{ theme: "NEON" }, "theme"],
      [{ headingFont: "comic-sans" }, "headingFont"],
      [{ bodyFont: "Lora; } body { display: none" }, "bodyFont"],
      [{ accentLight: "#000000;}body{display:none}" }, "accentLight"],
      [{ accentDark: "red" }, "accentDark"],
    ] as const) {
      const { state } = await save(fields);
      expect(state.ok, JSON.stringify(fields)).toBe(false);
      expect(!state.ok && "errors" in state ? Object.keys(state.errors ?? {}) : [], JSON.stringify(fields)).toContain(field);
    }
    expect(await row()).toEqual(before);
  });

  test("a header image or favicon must be one of the blog's uploads", async () => {
    const before = await row();
    const refused = await save({ headerImageId: "cmnotanuploadatall0000000", faviconId: "" });
    expect(refused.state).toMatchObject({ ok: false, errors: { headerImageId: ["Choose one of the blog's uploaded images, or none."] } });
    expect(await row()).toEqual(before);

    const upload = await makeUpload(await makeAccount("AUTHOR"));
    expect((await save({ headerImageId: upload.id, faviconId: upload.id })).state.ok).toBe(true);
    expect(await row()).toMatchObject({ headerImageId: upload.id, faviconId: upload.id });
    // Deleting the image takes it off the blog.
    await db.upload.delete({ where: { id: upload.id } });
    expect(await row()).toMatchObject({ headerImageId: null, faviconId: null });
  });

  test("an author may not change the appearance", async () => {
    const before = await row();
    expect((await save({ theme: "SIMPLE" }, await makeAccount("AUTHOR"))).state).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await row()).toEqual(before);
  });
});

describe("the themes' own colours", () => {
  test("text and muted text reach 4.5:1 on every theme's page and cards, light and dark, and the default accents pass everywhere", () => {
    for (const theme of THEME_IDS) {
      for (const scheme of ["light", "dark"] as const) {
        const { paper, surface, ink, muted, error } = THEMES[theme].palettes[scheme];
        for (const [text, background] of [[ink, paper], [muted, paper], [muted, surface], [error, paper], [error, surface]]) {
          expect(contrastRatio(text!, background!), `${theme} ${scheme}: ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(appearanceSchema.safeParse({ ...APPEARANCE_DEFAULTS, theme, headerImageId: "", faviconId: "" }).success, theme).toBe(true);
    }
  });

  test("the stylesheet is written from checked values only", () => {
    const css = style.appearanceCss({ ...APPEARANCE_DEFAULTS, headingFont: "lora" });
    expect(css).toContain("--accent:light-dark(#8a3b12,#f0a878)");
    expect(css).toContain('src:url(/fonts/lora-latin-400-normal.woff2) format("woff2")');
    expect(css).not.toMatch(/cyrillic|greek|vietnamese/);
    expect(() => style.appearanceCss({ ...APPEARANCE_DEFAULTS, accentLight: "#000;}body{display:none" })).toThrow();
  });
});

describe("a reader's light or dark choice", () => {
  async function choose(scheme: string, referer?: string) {
    const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", ...(referer ? { referer } : {}) });
    return schemeRoute.POST(new Request(new URL("/appearance/scheme", BLOG_URL), { method: "POST", headers, body: new URLSearchParams({ scheme }) }));
  }

  test("is kept in a year-long cookie, and the reader goes back to the page they were on", async () => {
    const response = await choose("dark", `${BLOG_URL}/2026/11/a-post?showComment=1#c2`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/2026/11/a-post?showComment=1");
    expect(response.headers.get("set-cookie")).toBe("longhand-scheme=dark; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
    const automatic = await choose("auto", `${BLOG_URL}/`);
    expect(automatic.headers.get("set-cookie")).toMatch(/^longhand-scheme=; Path=\/; Max-Age=0/);
  });

  test("never sends the reader to another site, whatever the Referer says", async () => {
    for (const referer of ["https://evil.example/phish", "http://blog.example.test.evil.example/", `${BLOG_URL}//evil.example/x`, "javascript:alert(1)", "not a url", undefined]) {
      const response = await choose("light", referer);
      expect(response.headers.get("location"), String(referer)).toBe("/");
    }
  });

  test("refuses a choice that is not light, dark or automatic, and sets nothing", async () => {
    const response = await choose("purple", `${BLOG_URL}/`);
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  test("reaches the page as a private stylesheet that a revisit gets as a 304", async () => {
    const ask = (cookie: string, etag?: string) =>
      schemeCssRoute.GET(nextRequest(new URL("/appearance/scheme.css", BLOG_URL), { headers: { cookie, ...(etag ? { "if-none-match": etag } : {}) } }));
    const dark = await ask("other=1; longhand-scheme=dark");
    expect(await dark.text()).toContain(":root:root:root{color-scheme:dark}");
    expect(dark.headers.get("cache-control")).toBe("private, no-cache");
    expect((await ask("longhand-scheme=dark", dark.headers.get("etag")!)).status).toBe(304);
    const automatic = await ask("longhand-scheme=<script>");
    expect(await automatic.text()).not.toContain("color-scheme");
    expect(automatic.headers.get("etag")).not.toBe(dark.headers.get("etag"));
  });
});

describe("the self-hosted fonts", () => {
  const fetchFont = (file: string) => fontRoute.GET(new Request(new URL(`/fonts/${encodeURIComponent(file)}`, BLOG_URL)), { params: Promise.resolve({ file }) });

  test("serves the Latin faces of the listed families, and nothing else from the disk", async () => {
    const font = await fetchFont("inter-latin-ext-700-italic.woff2");
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff2");
    expect(Buffer.from(await font.arrayBuffer()).subarray(0, 4).toString("latin1")).toBe("wOF2");
    for (const file of ["inter-cyrillic-400-normal.woff2", "../../../package.json", "lora-latin-400-normal.woff"]) {
      expect((await fetchFont(file)).status, file).toBe(404);
    }
  });
});
