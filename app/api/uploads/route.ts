import { canUseDashboard } from "@/lib/dashboard/access";
import { describeRetry, hitRateLimits } from "@/lib/rate-limit";
import { getCurrentUser } from "@/lib/session";
import { siteOrigin } from "@/lib/site";
import { ImageRefusedError, MAX_UPLOAD_BYTES, storeUpload } from "@/lib/uploads/images";
import { altFromFileName, uploadUrl } from "@/lib/uploads/urls";

const UPLOAD_LIMITS = [{ name: "upload", limit: 60, windowSeconds: 600 }];
// Room for the multipart envelope around a file of the largest size allowed.
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const refuse = (status: number, error: string, headers?: HeadersInit) => Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });

/**
 * Uploads one image (multipart, field "file") for the editor and the image library. Answers
 * 201 `{ id, url, width, height, alt }`, or 4xx `{ error }` with a message for the person.
 */
export async function POST(request: Request) {
  // A browser always sends Origin with a POST; another site's page must not upload as our user.
  if (request.headers.get("origin") !== siteOrigin()) return refuse(403, "Uploads are only accepted from the blog's own pages.");
  const user = await getCurrentUser();
  if (!user) return refuse(401, "Your session has ended: sign in again, then upload the image once more.");
  if (!canUseDashboard(user)) return refuse(403, "Only authors can upload images.");

  const limit = await hitRateLimits(UPLOAD_LIMITS, user.id);
  if (!limit.allowed) {
    return refuse(429, `You have uploaded a lot of images just now. Try again in ${describeRetry(limit.retryAfterSeconds)}.`, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return refuse(413, "Images can be at most 10 MB.");

  const file = await request
    .formData()
    .then((form) => form.get("file"))
    .catch(() => null);
  if (!(file instanceof File)) return refuse(400, "Choose an image to upload.");

  try {
    const upload = await storeUpload({ user, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    return Response.json(
      { id: upload.id, url: uploadUrl(upload.storageKey), width: upload.width, height: upload.height, alt: altFromFileName(file.name) },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof ImageRefusedError) return refuse(error.status, error.message);
    console.error("An upload failed", error);
    return refuse(500, "Something went wrong on the server; the image was not saved. Please try again.");
  }
}
