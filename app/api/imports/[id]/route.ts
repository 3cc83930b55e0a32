import { getCurrentUser } from "@/lib/session";
import { findImportJob } from "@/lib/transfer/import/jobs";
import { importJobIdParam } from "@/lib/validation/transfer";

const NO_STORE = { "Cache-Control": "no-store" };

/** One import job's state (`ImportJobView`), polled every second by the Import page while it runs. */
export async function GET(_request: Request, { params }: RouteContext<"/api/imports/[id]">) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401, headers: NO_STORE });
  if (user.role !== "ADMIN") return Response.json({ error: "Only administrators can see imports." }, { status: 403, headers: NO_STORE });
  const id = importJobIdParam.safeParse((await params).id);
  const job = id.success ? await findImportJob(id.data) : null;
  if (!job) return Response.json({ error: "There is no such import." }, { status: 404, headers: NO_STORE });
  return Response.json(job, { headers: NO_STORE });
}
