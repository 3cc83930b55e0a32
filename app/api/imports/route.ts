import { after } from "next/server";
import { blogImported, expireForReaders } from "@/lib/cache-invalidation";
import { getCurrentUser } from "@/lib/session";
import { siteOrigin } from "@/lib/site";
import { ImportRefusedError, receiveImportUpload, runImportJob } from "@/lib/transfer/import/jobs";
import { importUploadHeaders } from "@/lib/validation/transfer";

const NO_STORE = { "Cache-Control": "no-store" };
const refused = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });

/**
 * Starts an import from the dashboard's Import page. The body is the export file itself (not
 * multipart: nothing here parses multipart as a stream), named by the `x-file-name` header
 * (URI-encoded); `x-copy-images: true` fetches remote images. Answers 202 `{ id }` and runs the
 * import in the background, or 4xx `{ error }`.
 */
export async function POST(request: Request) {
  // A browser always sends Origin with a POST; another site's page must not import as our admin.
  if (request.headers.get("origin") !== siteOrigin()) return refused(403, "Imports are only accepted from the blog's own pages.");
  const user = await getCurrentUser();
  if (!user) return refused(401, "Your session has ended: sign in again, then start the import once more.");
  if (user.role !== "ADMIN") return refused(403, "Only administrators can import a blog.");

  try {
    const { fileName, copyImages } = importUploadHeaders.parse({
      fileName: request.headers.get("x-file-name"),
      copyImages: request.headers.get("x-copy-images"),
    });
    const { id } = await receiveImportUpload({ user, fileName, copyImages, body: request.body });
    after(async () => {
      // An import may change any reader page: each is rebuilt on its next request.
      if ((await runImportJob(id)) === "SUCCEEDED") expireForReaders(blogImported());
    });
    return Response.json({ id }, { status: 202, headers: NO_STORE });
  } catch (error) {
    if (error instanceof ImportRefusedError) return refused(error.status, error.message);
    console.error("An import upload failed", error);
    return refused(500, "Something went wrong on the server; the file was not imported. Please try again.");
  }
}

