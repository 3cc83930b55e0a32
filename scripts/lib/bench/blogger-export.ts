import { createWriteStream } from "node:fs";
import { once } from "node:events";

// A big Blogger classic export for `npm run bench:import`, the same bytes every run: invented
// words from a fixed list, a seeded generator, labels with "&" and other scripts, replies.
const WORDS = (
  "lamp shelf ledger margin quire folio binding spine ink reading room window autumn winter " +
  "letter archive catalogue index gloss note chapter verse story river garden evening morning " +
  "quiet lantern paper thread needle copper kettle harbour island orchard meadow"
).split(" ");
const LABELS = ["Books & Reading", "Garden notes", "Café visits", "日本の本", "Ελληνικά", "Letters", "Marginalia", "Travel", "Archives", "Weather"];
const BLOG = "tag:blogger.com,1999:blog-9000000000000000001";

/** Park–Miller: small, fast and the same everywhere. */
function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");

export interface GeneratedExport {
  posts: number;
  comments: number;
  bytes: number;
}

/** Writes the export to `file`: `posts` posts with `comments` comments between them (a fifth of them replies). */
export async function writeBloggerExport(file: string, { posts, comments }: { posts: number; comments: number }): Promise<GeneratedExport> {
  const random = seeded(20261129);
  const words = (count: number) => Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  const kind = (name: string) => `<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#${name}'/>`;

  await write(`<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'>\n`);
  await write(`<id>${BLOG}.archive</id><title type='text'>The Benchmark Shelf</title>\n`);
  await write(`<entry><id>${BLOG}.settings.BLOG_NAME</id>${kind("settings")}<title type='text'>BLOG_NAME</title><content type='text'>The Benchmark Shelf</content></entry>\n`);
  await write(`<entry><id>${BLOG}.settings.BLOG_TIME_ZONE</id>${kind("settings")}<title type='text'>BLOG_TIME_ZONE</title><content type='text'>Europe/London</content></entry>\n`);

  const start = Date.UTC(2008, 0, 1);
  const spacing = Math.floor((Date.UTC(2025, 0, 1) - start) / posts);
  let written = 0;
  for (let index = 0; index < posts; index += 1) {
    const published = new Date(start + index * spacing);
    const month = `${published.getUTCFullYear()}/${String(published.getUTCMonth() + 1).padStart(2, "0")}`;
    const slug = `post-${index}-${WORDS[index % WORDS.length]}`;
    const paragraphs = Array.from({ length: 4 }, () => `<p>${words(45)}</p>`).join("");
    const labels = [LABELS[index % LABELS.length], LABELS[(index * 7) % LABELS.length]].map((label) => `<category scheme='http://www.blogger.com/atom/ns#' term='${escapeXml(label!)}'/>`);
    await write(
      `<entry><id>${BLOG}.post-${index}</id><published>${published.toISOString()}</published><updated>${published.toISOString()}</updated>${kind("post")}${[...new Set(labels)].join("")}` +
        `<title type='text'>${escapeXml(`${words(5)} ${index}`)}</title><content type='html'>${escapeXml(paragraphs)}</content>` +
        `<link rel='alternate' type='text/html' href='https://benchmark.blogspot.com/${month}/${slug}.html'/><author><name>Bench Writer</name><email>bench-writer@example.com</email></author></entry>\n`,
    );
    // Comments are spread evenly; every fifth replies to the comment before it.
    const share = Math.floor(((index + 1) * comments) / posts) - Math.floor((index * comments) / posts);
    for (let reply = 0; reply < share; reply += 1) {
      const id = written;
      const parent = reply > 0 && id % 5 === 0 ? `<link rel='related' href='https://www.blogger.com/feeds/9000000000000000001/${index}/comments/default/c${id - 1}'/>` : "";
      const at = new Date(published.getTime() + (reply + 1) * 60_000).toISOString();
      await write(
        `<entry><id>${BLOG}.post-c${id}</id><published>${at}</published><updated>${at}</updated>${kind("comment")}<title type='text'>${words(3)}</title>` +
          `<content type='html'>${escapeXml(`${words(12)}<br/>${words(4)}`)}</content><author><name>Reader ${id % 997}</name></author>` +
          `<thr:in-reply-to ref='${BLOG}.post-${index}' type='text/html'/>${parent}</entry>\n`,
      );
      written += 1;
    }
  }
  await write("</feed>\n");
  out.end();
  await once(out, "finish");
  return { posts, comments: written, bytes };
}
