import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "../lib/auth/redirects";

const SITE = "http://blog.example.test";

// Every form here was tried against a browser's URL parser: each one, followed as a Location, leaves the site.
const HOSTILE = [
  "/.//evil.example/again",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/./\\evil.example",
  "/%2e//evil.example",
  "/x/..//evil.example",
  "https://evil.example/steal",
  "http:evil.example",
  "http:/evil.example",
  "ftp://evil.example/",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "http://blog.example.test.evil.example/",
  "http://blog.example.test@evil.example/",
  "https://blog.example.test/",
];

describe("the callback path after signing in", () => {
  test.each(HOSTILE)("never leaves the site for %j", (target) => {
    const path = safeCallbackPath(target, SITE);
    expect(path.startsWith("/")).toBe(true);
    expect(new URL(path, SITE).origin).toBe(SITE);
    expect(path.startsWith("//") || path.startsWith("/\\")).toBe(false);
  });

  test("sends the hostile forms home", () => {
    for (const target of HOSTILE) expect(safeCallbackPath(target, SITE), target).toBe("/");
  });

  test.each([
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/.%2F/evil.example", "/.%2F/evil.example"],
  ])("keeps an encoded slash as an encoded path on the site: %j", (target, expected) => {
    expect(safeCallbackPath(target, SITE)).toBe(expected);
    expect(new URL(safeCallbackPath(target, SITE), SITE).origin).toBe(SITE);
  });

  test.each([
    ["/label/allotment", "/label/allotment"],
    ["/2011/09/a-post#comment-form", "/2011/09/a-post#comment-form"],
    ["/search?q=beans", "/search?q=beans"],
    ["http://blog.example.test/dashboard/posts", "/dashboard/posts"],
    ["/a/./b/../c", "/a/c"],
    ["", "/"],
    [undefined, "/"],
  ])("keeps a path on the site: %j", (target, expected) => {
    expect(safeCallbackPath(target, SITE)).toBe(expected);
  });
});
