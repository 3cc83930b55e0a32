import "server-only";
import { db } from "@/lib/db";
import { uploadUrl } from "@/lib/uploads/urls";

/** A post or page that shows an upload, in its body or as its featured image. */
export interface UploadUse {
  kind: "post" | "page";
  id: string;
  title: string;
  trashed: boolean;
}

/**
 * Where each of some uploads is used, in one query for the lot (a page of the library): posts
 * (trashed ones too, which can come back) and pages whose body shows the image or its resized
 * copies, and posts that feature it. Keyed by upload id; unused uploads are absent.
 */
export async function findUploadUses(uploads: { id: string; storageKey: string }[]): Promise<Map<string, UploadUse[]>> {
  if (uploads.length === 0) return new Map();
  const ids = uploads.map((upload) => upload.id);
  // The address without its extension also matches the resized copies ("…-960w.webp").
  const stems = uploads.map((upload) => uploadUrl(upload.storageKey).replace(/\.[a-z]+$/, ""));
  const rows = await db.$queryRaw<(UploadUse & { uploadId: string })[]>`
    SELECT u.id AS "uploadId", used.kind, used.id, used.title, used.trashed
    FROM unnest(${ids}::text[], ${stems}::text[]) AS u(id, stem)
    JOIN LATERAL (
      SELECT 'post' AS kind, p.id, p.title, p."trashedAt" IS NOT NULL AS trashed, p."updatedAt" FROM "Post" p
      WHERE p."featuredImageId" = u.id OR strpos(p."bodyHtml", u.stem) > 0
      UNION ALL
      SELECT 'page', g.id, g.title, false, g."updatedAt" FROM "Page" g WHERE strpos(g."bodyHtml", u.stem) > 0
    ) used ON true
    ORDER BY used."updatedAt" DESC, used.id`;
  const uses = new Map<string, UploadUse[]>();
  for (const { uploadId, ...use } of rows) uses.set(uploadId, [...(uses.get(uploadId) ?? []), use]);
  return uses;
}

/** "Used in 2 posts and 1 page" */
export function describeUses(uses: UploadUse[]): string {
  const count = (kind: UploadUse["kind"]) => uses.filter((use) => use.kind === kind).length;
  const parts = [
    [count("post"), "post"],
    [count("page"), "page"],
  ] as const;
  return `Used in ${parts
    .filter(([number]) => number > 0)
    .map(([number, noun]) => `${number} ${noun}${number === 1 ? "" : "s"}`)
    .join(" and ")}`;
}
