import { describe, expect, test } from "vitest";
import { formatDateHeader, formatTime, localDayKey } from "../lib/dates";
import { sanitizeCommentHtml, sanitizePostHtml, snippetHtml } from "../lib/html";
import { permalinkFor, slugify } from "../lib/permalinks";

describe("the HTML allowlist", () => {
  test("keeps ordinary formatting in posts", () => {
    const html = `<h2>Notes</h2><p>A <strong>bold</strong> <a href="https://example.org/x" title="t">link</a>.</p><ul><li>one</li></ul><img src="https://example.org/a.png" alt="A" />`;
    expect(sanitizePostHtml(html)).toBe(html);
  });

  test("drops scripts, event handlers, styles, javascript: links and foreign iframes", () => {
    const html = `<p onclick="steal()" style="color:red">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><iframe src="https://evil.example"></iframe><img src="x" onerror="alert(1)">`;
    expect(sanitizePostHtml(html)).toBe(`<p>Hi</p><a>x</a><img src="x" />`);
  });

  test("comments keep only paragraphs, bold, italic and links, marked as user content", () => {
    expect(sanitizeCommentHtml(`<p>I <b>agree</b>, <i>mostly</i>: <a href="https://example.com">see</a></p>`)).toBe(
      `<p>I <b>agree</b>, <i>mostly</i>: <a href="https://example.com" rel="nofollow ugc noopener">see</a></p>`,
    );
    expect(sanitizeCommentHtml(`<h1>Big</h1><img src=x onerror=alert(1)>`)).toBe(`&lt;h1&gt;Big&lt;/h1&gt;&lt;img /&gt;`);
  });
});

describe("a search snippet", () => {
  test("shows its text as it reads in the post, the matches marked, fragments parted, nothing else as markup", () => {
    // What ts_headline makes of a stored body with its tags stripped: sanitizePostHtml's entities.
    const stored = sanitizePostHtml(`<p>Tom &amp; Jerry's "<b>jam</b>" &lt;script&gt;alert(1)&lt;/script&gt;</p>`).replace(/<[^>]*>/g, " ");
    const snippet = `  ${stored.replace("jam", "\u0001jam\u0002")}\u0003later \u0001jam\u0002 again `;
    expect(snippetHtml(snippet)).toBe(`Tom &amp; Jerry&apos;s &quot; <mark>jam</mark> &quot; &lt;script&gt;alert(1)&lt;/script&gt;  … later <mark>jam</mark> again`);
  });

  test("keeps its marks balanced whatever sentinels the body itself held", () => {
    expect(snippetHtml("a \u0002b\u0001 c \u0001d\u0002\u0002 e \u0001f")).toBe("a b<mark> c d</mark> e <mark>f</mark>");
  });
});

describe("dates and permalinks in the blog's time zone", () => {
  // 00:30 on 1 October 2011 in London (BST) is still 30 September in UTC.
  const lateNight = new Date("2011-09-30T23:30:00Z");

  test("Blogger's date header", () => {
    expect(formatDateHeader(new Date("2011-09-08T08:41:00Z"), "Europe/London")).toBe("Thursday, 8 September 2011");
    expect(formatDateHeader(lateNight, "Europe/London")).toBe("Saturday, 1 October 2011");
    expect(formatDateHeader(lateNight, "UTC")).toBe("Friday, 30 September 2011");
  });

  test("day keys group posts by local day, and times are local", () => {
    expect(localDayKey(lateNight, "Europe/London")).toBe("2011-10-01");
    expect(localDayKey(lateNight, "America/New_York")).toBe("2011-09-30");
    expect(formatTime(lateNight, "Europe/London")).toBe("00:30");
  });

  test("permalinks take the year and month where the blog lives", () => {
    expect(permalinkFor("a-post", lateNight, "Europe/London")).toBe("/2011/10/a-post");
    expect(permalinkFor("a-post", lateNight, "UTC")).toBe("/2011/09/a-post");
  });

  test("slugs are lowercase ASCII words", () => {
    expect(slugify("Tool 6: I've joined — reluctantly!")).toBe("tool-6-i-ve-joined-reluctantly");
    expect(slugify("Café & Crème")).toBe("cafe-and-creme");
    expect(slugify("x".repeat(100))).toHaveLength(80);
  });
});

describe("the allowlist for what imported blogs contain", () => {
  test("keeps figures with captions, tables and alignment", () => {
    const html = `<figure class="aligncenter"><img src="https://example.org/a.jpg" alt="A shelf" class="alignwide" /><figcaption>The shelf</figcaption></figure><table><caption>Books</caption><thead><tr><th scope="col" style="text-align:right">Year</th></tr></thead><tbody><tr><td colspan="2">1911</td></tr></tbody></table><p style="text-align:center">Centred</p>`;
    expect(sanitizePostHtml(html)).toBe(html);
  });

  test("keeps YouTube and Vimeo players as sandboxed frames, and no other frame", () => {
    const youtube = sanitizePostHtml(`<iframe src="http://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen onload="alert(1)"></iframe>`);
    expect(youtube).toContain(`src="https://www.youtube.com/embed/dQw4w9WgXcQ"`);
    expect(youtube).toContain(`sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"`);
    expect(youtube).not.toContain("onload");
    expect(youtube).toContain(`title="Embedded video"`);
    expect(sanitizePostHtml(`<iframe src="https://player.vimeo.com/video/76979871"></iframe>`)).toContain("player.vimeo.com/video/76979871");
    for (const src of ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://evil.example/embed/x", "javascript:alert(1)", "https://www.youtube.com.evil.example/embed/abcdefgh", "data:text/html,<script>alert(1)</script>"]) {
      expect(sanitizePostHtml(`<p>before</p><iframe src="${src}"></iframe>`)).toBe("<p>before</p>");
    }
  });

  test("drops classes, styles and headings it does not know", () => {
    expect(sanitizePostHtml(`<h1 class="x">Big</h1><p class="alignleft evil" style="position:fixed;text-align:left">t</p><div><span style="color:red">kept text</span></div>`)).toBe(
      `<h2>Big</h2><p class="alignleft" style="text-align:left">t</p>kept text`,
    );
  });
});

describe("the allowlist for what the editor makes", () => {
  test("keeps figures and images with alignment and size, and nothing else in their class", () => {
    const html = `<figure class="alignleft size-small"><img src="/uploads/2026/11/a.jpg" alt="A shelf" width="800" height="600" /><figcaption>The shelf</figcaption></figure><img src="/uploads/2026/11/b.png" alt="" class="alignwide size-full" />`;
    expect(sanitizePostHtml(html)).toBe(html);
    expect(sanitizePostHtml(`<img src="/uploads/a.jpg" alt="" class="size-huge alignleft" />`)).toBe(`<img src="/uploads/a.jpg" alt="" class="alignleft" />`);
  });

  test("keeps a new-tab link only as target=_blank with rel=noopener noreferrer", () => {
    expect(sanitizePostHtml(`<a href="https://example.org" target="_blank" rel="opener">x</a>`)).toBe(`<a href="https://example.org" target="_blank" rel="noopener noreferrer">x</a>`);
    expect(sanitizePostHtml(`<a href="https://example.org" target="_top" rel="noopener">x</a>`)).toBe(`<a href="https://example.org">x</a>`);
  });

  test("keeps srcset, sizes, loading and decoding only on our own uploads", () => {
    const own = `<img src="/uploads/k/a.jpg" alt="A" width="2000" height="1000" srcset="/uploads/k/a-480w.webp 480w, /uploads/k/a.jpg 2000w" sizes="(max-width: 45rem) 100vw, 45rem" loading="lazy" decoding="async" />`;
    expect(sanitizePostHtml(own)).toBe(own);
    expect(sanitizePostHtml(`<img src="https://example.org/a.jpg" alt="A" srcset="https://example.org/a.jpg 480w" sizes="100vw" loading="lazy" decoding="async" />`)).toBe(
      `<img src="https://example.org/a.jpg" alt="A" />`,
    );
    expect(sanitizePostHtml(`<img src="/uploads/a.jpg" alt="A" srcset="https://evil.example/a.jpg 480w" loading="eager" decoding="sync" />`)).toBe(`<img src="/uploads/a.jpg" alt="A" />`);
  });
});
