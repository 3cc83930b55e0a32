import { isInternalRequest } from "@/lib/internal-request";
import { sendDueNotices } from "@/lib/notifications/queue";

// Called every few seconds by each server's own worker (instrumentation.ts): sends the comment
// notices that are due. Several servers may ask at once; each notice is claimed by one of them
// (lib/notifications/queue.ts). Only a caller holding the server's secret may ask.
export async function POST(request: Request) {
  if (!isInternalRequest(request)) return new Response("Forbidden", { status: 403 });
  return Response.json(await sendDueNotices(new Date()));
}
