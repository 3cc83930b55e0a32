import "server-only";
import { unstable_rethrow } from "next/navigation";
import { noteIfDatabaseUnavailable } from "@/lib/database-outage.mjs";

/** Signing out ends the account's sessions in the database: without it, the person stays signed in. */
export const COULD_NOT_SIGN_OUT = "Could not sign out, try again.";
/** What account forms (sign-up, password, name) say then, with what was typed kept. */
export const DATABASE_DOWN = "The blog cannot reach its database right now. Please try again in a minute.";

/**
 * Runs a server action's work; if the database cannot be reached, the error goes to the server
 * log and the action answers `refusal()` instead of throwing, so the form can say so and keep
 * what was typed. Other errors (and Next's redirects) pass through untouched.
 */
export async function refuseWhileDatabaseDown<Answer>(work: () => Promise<Answer>, refusal: () => Answer | Promise<Answer>): Promise<Answer> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    if (!answersDatabaseOutage(error)) throw error;
    return refusal();
  }
}

/** True (and logged, and the outage noted) when the error means the database cannot be reached. */
export function answersDatabaseOutage(error: unknown): boolean {
  if (!noteIfDatabaseUnavailable(error)) return false;
  console.error("The database could not be reached; nothing was saved.", error);
  return true;
}
