import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/session";
import { siteOrigin } from "@/lib/site";
import { exportBlog, exportFileFor } from "@/lib/transfer/export";
import { exportFormatParam } from "@/lib/validation/transfer";

/**
 * Downloads the whole blog as Atom (Blogger's shape), WordPress WXR or Longhand JSON, streamed as
 * the exporter writes it, so a big blog is never held whole in memory. Admins only (proxy.ts
 * refuses others first; this checks again against the database).
 */
export async function GET(_request: Request, { params }: RouteContext<"/dashboard/import/export/[format]">) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (user.role !== "ADMIN") return new Response("Only administrators can export the blog.", { status: 403, headers: { "Cache-Control": "no-store" } });
  const parsed = exportFormatParam.safeParse((await params).format);
  if (!parsed.success) return new Response("There is no such export format.", { status: 404, headers: { "Cache-Control": "no-store" } });

  const format = parsed.data;
  const now = new Date();
  const { fileName, contentType } = exportFileFor(format, now);
  return new Response(textStream(exportBlog(db, format, { now, siteUrl: siteOrigin() })), {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}

/** Pulls one chunk at a time, so the exporter reads its next batch only when the client is ready for it. */
function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The headers are gone already: the download breaks off, and the reason goes to the log.
        console.error("An export failed part way", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
