import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { invalid, type ActionResult, type FormState } from "@/lib/action-state";
import { expireForWriter } from "@/lib/cache-invalidation";
import { canUseDashboard, isAdmin, type DashboardUser } from "@/lib/dashboard/access";
import { answersDatabaseOutage } from "@/lib/database-outage-refusal";
import { AppError, InvalidFieldsError, ReaderError } from "@/lib/errors";
import { answerForm } from "@/lib/form-flash";
import { grantFreshReads } from "@/lib/grant-fresh-reads";
import { DEFAULT_LOCALE, messagesFor, type Messages } from "@/lib/messages";
import { getCurrentUser, type CurrentUser } from "@/lib/session";

const WENT_WRONG = "Something went wrong on the server; nothing was changed. Please try again.";

/** What a handler does besides its own write: expire the reader pages it changed (lib/cache-invalidation.ts). */
export interface ActionContext {
  expire: (tags: readonly string[]) => void;
}

interface ActionOptions<Schema extends z.ZodType> {
  schema: Schema;
  /** What an unexpected error says (handlers write in one transaction, so nothing was changed). */
  unexpected?: string;
  /** What a database that cannot be reached says (account forms say it in their own words). */
  outage?: string;
  /** A reader page's action: its refusals in the blog's language (ReaderError); else English. */
  messages?: Messages;
}

/** What a success answers, from what the handler returned. */
interface Success<Data> {
  /** The words shown. */
  message?: (data: Data) => string;
  /** Where the person goes instead of getting an answer (the new page, the list). */
  redirectTo?: (data: Data) => string;
}

/** Who may call an action: anyone (null when signed out), an active account of any role, an author or admin, or an admin. */
interface Tier<User extends CurrentUser | null> {
  admits: (user: CurrentUser | null) => user is User;
}

type Field<Schema extends z.ZodType> = Extract<keyof z.infer<Schema>, string>;
type Handler<Schema extends z.ZodType, User, Data> = (input: z.infer<Schema>, user: User, context: ActionContext) => Promise<Data>;
/** Input may be FormData (a form, with or without JavaScript) or a plain object (autosave). */
export type ServerAction<Schema extends z.ZodType, Data> = (input: z.input<Schema> | FormData) => Promise<ActionResult<Data, Field<Schema>>>;

/**
 * The one way a server action is made: it reads the user from the database, refuses anyone the
 * tier does not admit, validates the input with zod, then runs the handler. Typed application
 * errors (lib/errors.ts) become a message for the person (and field errors); a database that
 * cannot be reached (even when reading the user) answers "Could not save, try again" or the
 * action's own words; anything else is logged and reported as "nothing was changed". A success by
 * someone signed in lets them see reader pages fresh for a moment (lib/grant-fresh-reads.ts).
 */
function tieredAction<User extends CurrentUser | null>(tier: Tier<User>) {
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

async function answer<User extends CurrentUser | null, Schema extends z.ZodType, Data>(
  tier: Tier<User>,
  { schema, unexpected = WENT_WRONG, messages = messagesFor(DEFAULT_LOCALE), outage = messages.refusals.couldNotSave }: ActionOptions<Schema>,
  handler: Handler<Schema, User, Data>,
  input: unknown,
): Promise<ActionResult<Data, Field<Schema>>> {
  try {
    const user = await getCurrentUser();
    if (!tier.admits(user)) {
      const { notAllowed, sessionEnded } = messages.refusals;
      return user ? { ok: false, code: "FORBIDDEN", message: notAllowed } : { ok: false, code: "UNAUTHENTICATED", message: sessionEnded };
    }
    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) return { ...invalid<Field<Schema>>(parsed.error, messages.refusals.correctFields), ok: false, code: "INVALID" };
    const data = await handler(parsed.data, user, { expire: expireForWriter });
    // Every success, not only one that expired reader pages: setting a cookie also makes Next
    // re-render the current page and drop the browser's router cache. Without it, "New post" just
    // after publishing another post opened the new address with the previous post's editor, whose
    // saves then went to the published post (e2e/hostile-input.spec.ts caught it).
    if (user) await grantFreshReads(user.id);
    return { ok: true, data };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      const message = error instanceof ReaderError ? error.say(messages) : error.message;
      return { ok: false, code: error.code, message, ...(error instanceof InvalidFieldsError ? { errors: error.errors } : {}) };
    }
    if (answersDatabaseOutage(error)) return { ok: false, code: "ERROR", message: outage };
    console.error("A server action failed", error);
    return { ok: false, code: "ERROR", message: unexpected };
  }
}

/** Anyone, signed in or not (signing up, resetting a forgotten password). */
export const publicAction = tieredAction({ admits: (user): user is CurrentUser | null => user !== undefined });
/** Any active account, on its own things (comments, the profile). */
export const signedInAction = tieredAction({ admits: (user): user is CurrentUser => user !== null });
/** The dashboard: authors and admins. */
export const dashboardAction = tieredAction({ admits: canUseDashboard });
/** Settings and people: admins only. */
export const adminAction = tieredAction({ admits: (user): user is DashboardUser => canUseDashboard(user) && isAdmin(user) });

/** An action as `useActionState` calls it: the previous state first, which it does not need. */
export function formAction<Result>(action: (input: FormData) => Promise<Result>) {
  return (_previous: unknown, formData: FormData) => action(formData);
}

interface FlashedForm<Field extends string, Data> {
  /** The form's name (FORM_IDS in lib/form-flash.ts) and its page, where a post without JavaScript is answered. */
  id: string;
  page: (formData: FormData) => string;
  /** The fields a refusal gives back as typed (never a password). */
  keeps?: readonly Field[];
  /** The fields a success shows as saved. */
  saved?: (data: Data) => Partial<Record<Field, string>>;
}

/**
 * An account form's action as `useActionState` calls it: the action's answer as the form's state,
 * which a post without JavaScript finds on the form's page instead (answerForm). Signed out
 * meanwhile, the person is sent to sign in and back to the page.
 */
export function flashedFormAction<Field extends string, Data>(
  action: (input: FormData) => Promise<ActionResult<Data, Field>>,
  { id, page, keeps = [], saved }: FlashedForm<Field, Data>,
) {
  return async (_previous: unknown, formData: FormData): Promise<FormState<Field>> => {
    const result = await action(formData);
    if (!result.ok && result.code === "UNAUTHENTICATED") redirect(`/sign-in?${new URLSearchParams({ callbackUrl: page(formData) })}`);
    const typed = () => Object.fromEntries(keeps.map((field) => [field, String(formData.get(field) ?? "")])) as Partial<Record<Field, string>>;
    const state: FormState<Field> = result.ok
      ? { ok: true, message: result.message, ...(saved ? { values: saved(result.data) } : {}) }
      : { ok: false, message: result.message, ...(result.errors ? { errors: result.errors } : {}), ...(keeps.length > 0 ? { values: typed() } : {}) };
    return answerForm(id, page(formData), state);
  };
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
