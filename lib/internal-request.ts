import "server-only";
import { timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

/**
 * Whether a request comes from the server's own tools (the start script's scheduler, the import
 * command): they alone hold the server's secret, sent as a bearer token.
 */
export function isInternalRequest(request: Request): boolean {
  const secret = config().NEXTAUTH_SECRET;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret ?? ""}`);
  return Boolean(secret) && given.length === expected.length && timingSafeEqual(given, expected);
}
