import { describe, expect, test } from "vitest";
import { labelNameOf, legacyAddressOf, redirectLookupPaths, siteLocalTarget, withoutHtmlSuffix } from "../lib/legacy-addresses";

const addressOf = (url: string) => {
  const parsed = new URL(url, "http://blog.test");
  return legacyAddressOf(parsed.pathname, parsed.searchParams);
};

describe("old addresses known without the database", () => {
  test("Blogger's ?m=1 and ?m=0 come off any path, keeping the rest of the query", () => {
    expect(addressOf("/2011/09/tool-6.html?m=1")).toEqual({ kind: "fixed", target: "/2011/09/tool-6.html" });
    expect(addressOf("/?m=0")).toEqual({ kind: "fixed", target: "/" });
    expect(addressOf("/search/label/Books?m=1&max-results=7")).toEqual({ kind: "fixed", target: "/search/label/Books?max-results=7" });
    expect(addressOf("/?p=12&m=1")).toEqual({ kind: "fixed", target: "/?p=12" });
    expect(addressOf("/2011/09/tool-6?m=2")).toBeNull();
  });

  test("WordPress feeds lead to the blog's Blogger-shaped feeds, RSS where RSS was asked for", () => {
    expect(addressOf("/feed")).toEqual({ kind: "fixed", target: "/feeds/posts/default" });
    expect(addressOf("/feed/atom")).toEqual({ kind: "fixed", target: "/feeds/posts/default" });
    expect(addressOf("/feed/rss2")).toEqual({ kind: "fixed", target: "/feeds/posts/default?alt=rss" });
    expect(addressOf("/comments/feed")).toEqual({ kind: "fixed", target: "/feeds/comments/default" });
    expect(addressOf("/?feed=rss2")).toEqual({ kind: "fixed", target: "/feeds/posts/default?alt=rss" });
    expect(addressOf("/blog/feed")).toEqual({ kind: "fixed", target: "/feeds/posts/default" });
    expect(addressOf("/blog/comments/feed")).toEqual({ kind: "fixed", target: "/feeds/comments/default" });
    expect(addressOf("/feed/nonsense")).toBeNull();
  });

  test("Blogger's 'Older posts' search leads to the archive of the month it started from", () => {
    expect(addressOf("/search?updated-max=2011-09-08T10:00:00%2B01:00&max-results=7")).toEqual({ kind: "fixed", target: "/2011/09" });
    expect(addressOf("/search?updated-max=yesterday")).toBeNull();
  });
});

describe("old addresses looked up in the Redirect table", () => {
  test("WordPress's query forms become the exact key the importer stored, in a subdirectory too", () => {
    expect(addressOf("/?p=123")).toEqual({ kind: "redirect", paths: ["/?p=123"] });
    expect(addressOf("/?page_id=45&replytocom=9")).toEqual({ kind: "redirect", paths: ["/?page_id=45"] });
    expect(addressOf("/blog?p=123")).toEqual({ kind: "redirect", paths: ["/blog?p=123"] });
    expect(addressOf("/?p=drop%20table")).toBeNull();
    expect(addressOf("/?utm_source=newsletter")).toBeNull();
  });

  test("?tag= is the tag's own address", () => {
    expect(addressOf("/?tag=long-reads")).toEqual({ kind: "redirect", paths: ["/tag/long-reads"] });
    expect(addressOf("/blog?tag=long-reads")).toEqual({ kind: "redirect", paths: ["/blog/tag/long-reads"] });
  });

  test("WordPress's date permalinks try the table, then the post with that slug", () => {
    expect(addressOf("/2011/09/08/tool-6")).toEqual({ kind: "redirect", paths: ["/2011/09/08/tool-6"], slug: "tool-6" });
    expect(addressOf("/blog/2011/09/08/tool-6")).toEqual({ kind: "redirect", paths: ["/blog/2011/09/08/tool-6"], slug: "tool-6" });
    expect(addressOf("/blog/2011/09/tool-6")).toEqual({ kind: "redirect", paths: ["/blog/2011/09/tool-6"], slug: "tool-6" });
  });

  test("category and tag paths at any depth, in a subdirectory too", () => {
    expect(addressOf("/category/books/poetry/sonnets")).toEqual({ kind: "redirect", paths: ["/category/books/poetry/sonnets"] });
    expect(addressOf("/blog/category/books/poetry")).toEqual({ kind: "redirect", paths: ["/blog/category/books/poetry"] });
  });

  test("a path is looked up as written and with its percent-encoding undone or done", () => {
    expect(redirectLookupPaths("/2011/09/%C3%A9t%C3%A9")).toEqual(["/2011/09/%C3%A9t%C3%A9", "/2011/09/été"]);
    expect(redirectLookupPaths("/category/日本の本")).toEqual(["/category/日本の本", "/category/%E6%97%A5%E6%9C%AC%E3%81%AE%E6%9C%AC"]);
    expect(redirectLookupPaths("/2011/09/%E0%A4%A")).toEqual(["/2011/09/%E0%A4%A", "/2011/09/%25E0%25A4%25A"]);
  });
});

describe("old addresses that name a post", () => {
  test("Blogger's ?showComment=<ms> on a post names the comment made at that millisecond", () => {
    expect(addressOf("/2011/09/tool-6?showComment=1316000000123")).toEqual({
      kind: "comment",
      postPath: "/2011/09/tool-6",
      createdAt: new Date(1316000000123),
    });
    expect(addressOf("/2011/09?showComment=1316000000123")).toBeNull();
  });

  test("a post's /feed is its comments feed", () => {
    expect(addressOf("/2011/09/tool-6/feed")).toEqual({ kind: "comments-feed", postPath: "/2011/09/tool-6" });
  });
});

test("Blogger's '.html' comes off a slug of ours", () => {
  expect(withoutHtmlSuffix("/p/about.html")).toBe("/p/about");
  expect(withoutHtmlSuffix("/2011/09/tool-6.html")).toBe("/2011/09/tool-6");
  expect(withoutHtmlSuffix("/p/About Us.html")).toBeNull();
  expect(withoutHtmlSuffix("/p/about")).toBeNull();
});

test("a label's name from Blogger's address, encoded or not", () => {
  expect(labelNameOf("%E6%97%A5%E6%9C%AC%E3%81%AE%E6%9C%AC")).toBe("日本の本");
  expect(labelNameOf("Books & Reading")).toBe("Books & Reading");
  expect(labelNameOf("100% fiction")).toBe("100% fiction");
});

test("a redirect's target must be a path on this site", () => {
  expect(siteLocalTarget("/2011/09/tool-6")).toBe("/2011/09/tool-6");
  expect(siteLocalTarget("/label/books#top")).toBe("/label/books#top");
  for (const target of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "evil", "", "/x\r\nSet-Cookie: a=b"]) {
    expect(siteLocalTarget(target)).toBeNull();
  }
});
