import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Made-up addresses under routes with parameters, as a visitor trying to fill the disk sends them:
// each is answered with the blog's whole 404 page (or Blogger's label redirect) and written
// nowhere under the build the server runs from.
const serverDistDir = path.resolve(process.env.LONGHAND_DIST_DIR || ".next", "server");

const storedFilesNaming = (token: string) =>
  readdirSync(serverDistDir, { recursive: true, encoding: "utf8" }).filter((name) => name.includes(token));

test("forty made-up addresses get the 404 page and leave nothing on disk", async ({ request }) => {
  // Each is rendered once (it asks the database whether the post, label or page exists).
  test.setTimeout(120_000);
  const token = `madeup${randomBytes(4).toString("hex")}`;
  for (let made = 0; made < 8; made++) {
    for (const address of [`/2012/12/${token}-${made}`, `/label/${token}-${made}`, `/p/${token}-${made}`, `/page/o1${made}.${token}`]) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(404);
      expect(await response.text()).toContain("Sorry, the page you were looking for does not exist");
    }
    const redirect = await request.get(`/search/label/${token}-${made}`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
  }
  expect(storedFilesNaming(token)).toEqual([]);
});
