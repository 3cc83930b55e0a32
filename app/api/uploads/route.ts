import { NextResponse } from "next/server";
import { canUseDashboard } from "@/lib/dashboard/access";
import { FORM_IDS, flashCookie } from "@/lib/form-flash";
import { describeRetry, hitRateLimits } from "@/lib/rate-limit";
import { getCurrentUser } from "@/lib/session";
import { siteOrigin } from "@/lib/site";
import { storeUpload } from "@/lib/uploads/images";
import { ImageRefusedError, MAX_UPLOAD_BYTES } from "@/lib/uploads/processing";
import { readFormAtMost } from "@/lib/uploads/read-limited";
import { altFromFileName, uploadUrl } from "@/lib/uploads/urls";
import { uploadFormSchema } from "@/lib/validation/uploads";

const UPLOAD_LIMITS = [{ name: "upload", limit: 60, windowSeconds: 600 }];
// Room for the multipart envelope around a file of the largest size allowed.
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const LIBRARY = "/dashboard/images";

interface Outcome {
  status: number;
  /** The JSON answer: `{ id, url, width, height, alt }` or `{ error }`. */
  body: object;
  /** The same for a person, shown after a post without JavaScript. */
  message: string;
  headers?: Record<string, string>;
}

const refused = (status: number, error: string, headers?: Record<string, string>): Outcome => ({ status, body: { error }, message: error, headers });

/**
 * Uploads one image (multipart, field "file") for the editor and the image library. Answers
 * 201 `{ id, url, width, height, alt }`, or 4xx `{ error }` with a message for the person.
 * The library's form posted without JavaScript is sent back to the library with the outcome.
 */
export async function POST(request: Request) {
  // A browser always sends Origin with a POST; another site's page must not upload as our user.
  if (request.headers.get("origin") !== siteOrigin()) {
    return Response.json({ error: "Uploads are only accepted from the blog's own pages." }, { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  const outcome = await upload(request);
  if (request.headers.get("sec-fetch-mode") === "navigate") return backToLibrary(outcome);
  return Response.json(outcome.body, { status: outcome.status, headers: { "Cache-Control": "no-store", ...outcome.headers } });
}

async function upload(request: Request): Promise<Outcome> {
  const user = await getCurrentUser();
  if (!user) return refused(401, "Your session has ended: sign in again, then upload the image once more.");
  if (!canUseDashboard(user)) return refused(403, "Only authors can upload images.");

  const limit = await hitRateLimits(UPLOAD_LIMITS, user.id);
  if (!limit.allowed) {
    const error = `You have uploaded a lot of images just now. Try again in ${describeRetry(limit.retryAfterSeconds)}.`;
    return refused(429, error, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const tooLarge = () => refused(413, "Images can be at most 10 MB.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return tooLarge();
  // Chunked bodies have no Content-Length, and it may lie: the limit is kept on the bytes as they come.
  const data = await readFormAtMost(request, MAX_REQUEST_BYTES).catch(() => new FormData());
  if (!data) return tooLarge();

  const form = uploadFormSchema.safeParse({ file: data.get("file") });
  if (!form.success) return refused(400, form.error.issues[0]!.message);
  const { file, fileName } = form.data;

  try {
    const stored = await storeUpload({ user, fileName, bytes: Buffer.from(await file.arrayBuffer()) });
    const body = { id: stored.id, url: uploadUrl(stored.storageKey), width: stored.width, height: stored.height, alt: altFromFileName(fileName) };
    return { status: 201, body, message: `Uploaded ${fileName}.` };
  } catch (error) {
    if (error instanceof ImageRefusedError) return refused(error.status, error.message);
    console.error("An upload failed", error);
    return refused(500, "Something went wrong on the server; the image was not saved. Please try again.");
  }
}

// 303, so the browser follows with a GET; the library page shows the flashed outcome (and itself
// sends a signed-out visitor to sign in).
function backToLibrary(outcome: Outcome) {
  const response = NextResponse.redirect(new URL(LIBRARY, siteOrigin()), 303);
  response.cookies.set(flashCookie(FORM_IDS.imageUpload, { ok: outcome.status === 201, message: outcome.message }));
  return response;
}
