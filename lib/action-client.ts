import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { COULD_NOT_SAVE, invalid, type ActionResult } from "@/lib/action-state";
import { expireForWriter } from "@/lib/cache-invalidation";
import { canUseDashboard, isAdmin, type DashboardUser } from "@/lib/dashboard/access";
import { answersDatabaseOutage } from "@/lib/database-outage-refusal";
import { AppError } from "@/lib/errors";
import { grantFreshReads } from "@/lib/grant-fresh-reads";
import { getCurrentUser, type CurrentUser } from "@/lib/session";

export const SESSION_ENDED = "Your session has ended: sign in again, then try once more.";
const NOT_ALLOWED = "You are not allowed to do that.";
const WENT_WRONG = "Something went wrong on the server; nothing was changed. Please try again.";

/** What a handler does besides its own write: expire the reader pages it changed (lib/cache-invalidation.ts). */
export interface ActionContext {
  expire: (tags: readonly string[]) => void;
}

interface ActionOptions<Schema extends z.ZodType> {
  schema: Schema;
  /** What an unexpected error says (handlers write in one transaction, so nothing was changed). */
  unexpected?: string;
}

/** What a success answers, from what the handler returned. */
interface Success<Data> {
  /** The words shown. */
  message?: (data: Data) => string;
  /** Where the person goes instead of getting an answer (the new page, the list). */
  redirectTo?: (data: Data) => string;
}

/** Who may call an action: an active account of any role, an author or admin, or an admin. */
interface Tier<User extends CurrentUser> {
  admits: (user: CurrentUser) => user is User;
}

type Field<Schema extends z.ZodType> = Extract<keyof z.infer<Schema>, string>;
type Handler<Schema extends z.ZodType, User, Data> = (input: z.infer<Schema>, user: User, context: ActionContext) => Promise<Data>;
/** Input may be FormData (a form, with or without JavaScript) or a plain object (autosave). */
export type ServerAction<Schema extends z.ZodType, Data> = (input: z.input<Schema> | FormData) => Promise<ActionResult<Data, Field<Schema>>>;

/**
 * The one way a server action is made: it reads the user from the database, refuses anyone the
 * tier does not admit, validates the input with zod, then runs the handler. Typed application
 * errors (lib/errors.ts) become a message for the person; a database that cannot be reached (even
 * when reading the user) answers "Could not save, try again"; anything else is logged and
 * reported as "nothing was changed". A success lets the writer see reader pages fresh for a
 * moment (lib/grant-fresh-reads.ts).
 */
function tieredAction<User extends CurrentUser>(tier: Tier<User>) {
  return <Schema extends z.ZodType, Data>(
    options: ActionOptions<Schema>,
    handler: Handler<Schema, User, Data>,
    { message, redirectTo }: Success<Data> = {},
  ): ServerAction<Schema, Data> =>
    async (input) => {
      const result = await answer(tier, options, handler, input);
      if (!result.ok) return result;
      if (redirectTo) redirect(redirectTo(result.data));
      return message ? { ...result, message: message(result.data) } : result;
    };
}

async function answer<User extends CurrentUser, Schema extends z.ZodType, Data>(
  tier: Tier<User>,
  { schema, unexpected = WENT_WRONG }: ActionOptions<Schema>,
  handler: Handler<Schema, User, Data>,
  input: unknown,
): Promise<ActionResult<Data, Field<Schema>>> {
  try {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: SESSION_ENDED };
    if (!tier.admits(user)) return { ok: false, code: "FORBIDDEN", message: NOT_ALLOWED };
    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) return { ...invalid<Field<Schema>>(parsed.error), ok: false, code: "INVALID" };
    const data = await handler(parsed.data, user, { expire: expireForWriter });
    // Every success, not only one that expired reader pages: setting a cookie also makes Next
    // re-render the current page and drop the browser's router cache. Without it, "New post" just
    // after publishing another post opened the new address with the previous post's editor, whose
    // saves then went to the published post (e2e/hostile-input.spec.ts caught it).
    await grantFreshReads(user.id);
    return { ok: true, data };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    if (answersDatabaseOutage(error)) return { ok: false, code: "ERROR", message: COULD_NOT_SAVE };
    console.error("A server action failed", error);
    return { ok: false, code: "ERROR", message: unexpected };
  }
}

/** Any active account, on its own things (comments). */
export const signedInAction = tieredAction({ admits: (user): user is CurrentUser => Boolean(user) });
/** The dashboard: authors and admins. */
export const dashboardAction = tieredAction({ admits: canUseDashboard });
/** Settings and people: admins only. */
export const adminAction = tieredAction({ admits: (user): user is DashboardUser => canUseDashboard(user) && isAdmin(user) });

/** An action as `useActionState` calls it: the previous state first, which it does not need. */
export function formAction<Result>(action: (input: FormData) => Promise<Result>) {
  return (_previous: unknown, formData: FormData) => action(formData);
}

/** Repeated names (checkboxes, several labels) become arrays; single ones stay strings. */
function formDataToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const object: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    object[key] = values.length === 1 ? values[0]! : values;
  }
  return object;
}
