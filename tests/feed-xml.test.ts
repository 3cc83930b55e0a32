import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { conditionalResponse, etagFor, isNotModified } from "../lib/conditional-get";
import { absolutizeHtmlUrls, plainTextExcerpt, renderAtom, renderRss, type Feed, type FeedEntry } from "../lib/feed-xml";
import { feedOptions } from "../lib/feed-addresses.mjs";

const origin = "https://blog.example.org";

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id: `${origin}/2011/09/tool-6`,
    url: `${origin}/2011/09/tool-6`,
    title: "Tool 6: networking",
    published: new Date("2011-09-08T08:41:00Z"),
    updated: new Date("2011-09-09T10:00:00Z"),
    author: { name: "Maggie Ellery" },
    categories: ["Tools", "Networking"],
    contentHtml: "<p>I signed up <em>yesterday</em>.</p>",
    comments: { url: `${origin}/2011/09/tool-6#comments`, atomUrl: `${origin}/feeds/p1/comments/default` },
    ...overrides,
  };
}

function feed(overrides: Partial<Feed> = {}): Feed {
  return {
    title: "Notes from the Reading Room",
    description: "A librarian's notes",
    language: "en-GB",
    htmlUrl: `${origin}/`,
    atomUrl: `${origin}/feeds/posts/default`,
    rssUrl: `${origin}/feeds/posts/default?alt=rss`,
    updated: new Date("2011-09-09T10:00:00Z"),
    entries: [entry()],
    ...overrides,
  };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "item", "link", "category"].includes(name) });

describe("Atom 1.0", () => {
  test("has what RFC 4287 requires of a feed and of each entry", () => {
    const document = renderAtom(feed());
    expect(XMLValidator.validate(document)).toBe(true);
    const atom = xml.parse(document).feed;

    expect(atom["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(atom["@xml:lang"]).toBe("en-GB");
    expect(atom.id).toBe(`${origin}/feeds/posts/default`);
    expect(atom.title["#text"]).toBe("Notes from the Reading Room");
    expect(atom.updated).toBe("2011-09-09T10:00:00.000Z");
    expect(atom.link).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ "@rel": "self", "@href": `${origin}/feeds/posts/default`, "@type": "application/atom+xml" }),
        expect.objectContaining({ "@rel": "alternate", "@href": `${origin}/`, "@type": "text/html" }),
      ]),
    );

    const [first] = atom.entry;
    expect(first.id).toBe(`${origin}/2011/09/tool-6`);
    expect(first.title["#text"]).toBe("Tool 6: networking");
    expect(first.published).toBe("2011-09-08T08:41:00.000Z");
    expect(first.updated).toBe("2011-09-09T10:00:00.000Z");
    expect(first.author.name).toBe("Maggie Ellery");
    expect(first.link).toEqual(expect.arrayContaining([expect.objectContaining({ "@rel": "alternate", "@href": `${origin}/2011/09/tool-6` })]));
    expect(first.category.map((category: Record<string, string>) => category["@term"])).toEqual(["Tools", "Networking"]);
    expect(first.content["@type"]).toBe("html");
  });

  test("a feed reader gets the title and the body's HTML back exactly, whatever characters they hold", () => {
    const title = `Fish & chips <b>at</b> the "Mill" & Tom's`;
    const contentHtml = `<p>Salt &amp; vinegar, <a href="https://example.org/?a=1&amp;b=2">here</a> &lt;3</p>`;
    const document = renderAtom(feed({ title: `Tea & <biscuits>`, entries: [entry({ title, contentHtml, categories: [`Books & "reading"`] })] }));
    expect(XMLValidator.validate(document)).toBe(true);
    expect(document).not.toContain("<b>at</b>");

    const parsed = parseFeed(document);
    expect(parsed.title).toBe("Tea & <biscuits>");
    expect(parsed.items[0]!.title).toBe(title);
    expect(parsed.items[0]!.categories.map((category) => category.term)).toEqual([`Books & "reading"`]);
    // The HTML itself, byte for byte (a strict XML parser: feed-parser decodes HTML entities as well).
    expect(xml.parse(document).feed.entry[0].content["#text"]).toBe(contentHtml);
  });

  test("characters XML cannot hold are dropped instead of breaking the document", () => {
    const document = renderAtom(feed({ entries: [entry({ title: "Bell\u0007 and form\u000c feed \ud800 and 😀" })] }));
    expect(XMLValidator.validate(document)).toBe(true);
    expect(parseFeed(document).items[0]!.title).toBe("Bell and form feed  and 😀");
  });

  test("an empty feed is still a valid feed", () => {
    const document = renderAtom(feed({ entries: [], updated: new Date(0) }));
    expect(XMLValidator.validate(document)).toBe(true);
    expect(xml.parse(document).feed.updated).toBe("1970-01-01T00:00:00.000Z");
    expect(parseFeed(document).items).toEqual([]);
  });

  test("a comment entry points at the post it replies to", () => {
    const document = renderAtom(
      feed({ entries: [entry({ comments: undefined, categories: [], inReplyTo: { id: `${origin}/2011/09/tool-6`, url: `${origin}/2011/09/tool-6` } })] }),
    );
    expect(XMLValidator.validate(document)).toBe(true);
    expect(xml.parse(document).feed.entry[0]["thr:in-reply-to"]).toEqual(
      expect.objectContaining({ "@ref": `${origin}/2011/09/tool-6`, "@href": `${origin}/2011/09/tool-6` }),
    );
  });
});

describe("RSS 2.0", () => {
  test("has a channel with title, link and description, a self link, and items with full content", () => {
    const document = renderRss(feed());
    expect(XMLValidator.validate(document)).toBe(true);
    const rss = xml.parse(document).rss;
    expect(rss["@version"]).toBe("2.0");
    const channel = rss.channel;
    expect(channel.title).toBe("Notes from the Reading Room");
    expect(channel.link[0]).toBe(`${origin}/`);
    expect(channel.description).toBe("A librarian's notes");
    expect(channel.language).toBe("en-GB");
    expect(channel["atom:link"]).toEqual(expect.objectContaining({ "@rel": "self", "@href": `${origin}/feeds/posts/default?alt=rss` }));
    expect(channel.lastBuildDate).toBe("Fri, 09 Sep 2011 10:00:00 GMT");

    const [item] = channel.item;
    expect(item.title).toBe("Tool 6: networking");
    expect(item.link[0]).toBe(`${origin}/2011/09/tool-6`);
    expect(item.guid).toEqual({ "#text": `${origin}/2011/09/tool-6`, "@isPermaLink": "true" });
    expect(item.pubDate).toBe("Thu, 08 Sep 2011 08:41:00 GMT");
    expect(item["dc:creator"]).toBe("Maggie Ellery");
    expect(item.category).toEqual(["Tools", "Networking"]);
    expect(item.description).toBe("<p>I signed up <em>yesterday</em>.</p>");
  });

  test("escapes titles and bodies, and describes a blog that has no description by its title", () => {
    const title = `Q&A: <script>alert("x")</script>`;
    const document = renderRss(feed({ description: "", entries: [entry({ title })] }));
    expect(XMLValidator.validate(document)).toBe(true);
    expect(document).not.toContain("<script>");
    const parsed = parseFeed(document);
    expect(parsed.description).toBe("Notes from the Reading Room");
    expect(parsed.items[0]!.title).toBe(title);
    expect(parsed.items[0]!.authors.map((author) => author.name)).toEqual(["Maggie Ellery"]);
  });
});

describe("HTML in feeds", () => {
  test("root-relative links and images become absolute; other URLs stay as they are", () => {
    const html = `<p><a href="/2011/09/tool-6">see</a> <img src="/uploads/owl.jpg" alt="" /> <a href="https://example.org/x">x</a> <a href="mailto:a@example.org">m</a> <a href="//elsewhere.example/">e</a></p>`;
    expect(absolutizeHtmlUrls(html, origin)).toBe(
      `<p><a href="${origin}/2011/09/tool-6">see</a> <img src="${origin}/uploads/owl.jpg" alt="" /> <a href="https://example.org/x">x</a> <a href="mailto:a@example.org">m</a> <a href="//elsewhere.example/">e</a></p>`,
    );
  });

  test("a comment's title is the start of its text, without tags or entities", () => {
    expect(plainTextExcerpt(`<p>I <b>agree</b> &amp; I don&#39;t &lt;mind&gt;.</p><p>Second</p>`, 80)).toBe("I agree & I don't <mind>. Second");
    expect(plainTextExcerpt(`<p>${"word ".repeat(30)}</p>`, 40)).toBe(`${"word ".repeat(7).trim()}…`);
  });
});

describe("conditional GET", () => {
  const lastModified = new Date("2012-12-22T18:40:00.123Z");
  const etag = etagFor("<feed/>");
  const headers = (values: Record<string, string>) => new Headers(values);

  test("the same body has the same ETag, another body another", () => {
    expect(etagFor("<feed/>")).toBe(etag);
    expect(etagFor("<feed />")).not.toBe(etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
  });

  test("If-None-Match decides when it is sent, weakly compared, with lists and *", () => {
    expect(isNotModified(headers({ "If-None-Match": etag }), { etag, lastModified })).toBe(true);
    expect(isNotModified(headers({ "If-None-Match": `W/${etag}` }), { etag, lastModified })).toBe(true);
    expect(isNotModified(headers({ "If-None-Match": `"other", ${etag}` }), { etag, lastModified })).toBe(true);
    expect(isNotModified(headers({ "If-None-Match": "*" }), { etag, lastModified })).toBe(true);
    // A changed body wins over a recent date.
    expect(isNotModified(headers({ "If-None-Match": `"other"`, "If-Modified-Since": new Date().toUTCString() }), { etag, lastModified })).toBe(false);
  });

  test("If-Modified-Since compares to the second", () => {
    expect(isNotModified(headers({ "If-Modified-Since": lastModified.toUTCString() }), { etag, lastModified })).toBe(true);
    expect(isNotModified(headers({ "If-Modified-Since": "Sat, 22 Dec 2012 18:39:59 GMT" }), { etag, lastModified })).toBe(false);
    expect(isNotModified(headers({ "If-Modified-Since": "yesterday" }), { etag, lastModified })).toBe(false);
    expect(isNotModified(headers({}), { etag, lastModified })).toBe(false);
  });

  test("answers 304 without a body, or 200 with the body, type and validators", async () => {
    const fresh = conditionalResponse(new Request(`${origin}/feeds/posts/default`), {
      body: "<feed/>",
      contentType: "application/atom+xml; charset=utf-8",
      lastModified,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(fresh.headers.get("ETag")).toBe(etag);
    expect(fresh.headers.get("Last-Modified")).toBe("Sat, 22 Dec 2012 18:40:00 GMT");
    expect(await fresh.text()).toBe("<feed/>");

    const again = conditionalResponse(new Request(`${origin}/feeds/posts/default`, { headers: { "If-None-Match": etag } }), {
      body: "<feed/>",
      contentType: "application/atom+xml; charset=utf-8",
      lastModified,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.text()).toBe("");
  });
});

describe("feed query strings", () => {
  test("Atom and 25 entries unless asked; max-results kept between 1 and 100", () => {
    const options = (query: string) => feedOptions(new URLSearchParams(query));
    expect(options("")).toEqual({ alt: "atom", take: 25 });
    expect(options("alt=rss&max-results=5")).toEqual({ alt: "rss", take: 5 });
    expect(options("max-results=0")).toEqual({ alt: "atom", take: 1 });
    expect(options("max-results=5000")).toEqual({ alt: "atom", take: 100 });
    expect(options("max-results=lots")).toEqual({ alt: "atom", take: 25 });
    expect(options("max-results=")).toEqual({ alt: "atom", take: 25 });
  });

  test("refuses a format it does not serve", () => {
    expect(feedOptions(new URLSearchParams("alt=json"))).toEqual({ error: "alt must be atom or rss" });
  });
});
