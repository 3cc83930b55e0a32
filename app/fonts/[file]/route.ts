import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { FONT_FILES } from "@/lib/appearance/fonts";
import { etagFor, isNotModified } from "@/lib/conditional-get";

// A font file changes only with its @fontsource package's version: readers keep it a month and
// then ask again with the ETag (the name is the same across versions, so not for good).
const CACHE_CONTROL = "public, max-age=2592000";

/**
 * The self-hosted fonts of lib/appearance/fonts.ts, from their @fontsource packages: only the
 * files named there (no path from the address reaches the disk), so a reader page loads its fonts
 * from this site and no other.
 */
export async function GET(request: Request, { params }: RouteContext<"/fonts/[file]">) {
  const { file } = await params;
  const packageName = FONT_FILES.get(file);
  if (!packageName) return new Response("Not found.\n", { status: 404 });
  const filePath = path.join(process.cwd(), "node_modules", "@fontsource", packageName, "files", file);
  // The size stands for the version, so a revisit's 304 reads no file.
  const etag = etagFor(`${packageName}/${file}/${(await stat(filePath)).size}`);
  const headers = { ETag: etag, "Cache-Control": CACHE_CONTROL };
  if (isNotModified(request.headers, { etag })) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(await readFile(filePath)), { headers: { ...headers, "Content-Type": "font/woff2" } });
}
