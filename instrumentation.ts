import { noteIfDatabaseUnavailable } from "@/lib/database-outage.mjs";

// Next reports here every error a page, route or action throws while rendering. One that says the
// database cannot be reached starts the outage window, in which the web server turns the failed
// page into the blog's 503 (lib/database-outage-answer.mjs) before it is sent.
export function onRequestError(error: unknown) {
  noteIfDatabaseUnavailable(error);
}
