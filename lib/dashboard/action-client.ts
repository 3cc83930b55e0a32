import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { COULD_NOT_SAVE, invalid, type ActionState } from "@/lib/action-state";
import { canUseDashboard, isAdmin, type DashboardUser } from "@/lib/dashboard/access";
import { answersDatabaseOutage } from "@/lib/database-outage-refusal";
import { AppError } from "@/lib/errors";
import { grantFreshReads } from "@/lib/grant-fresh-reads";
import { getCurrentUser } from "@/lib/session";

export type ActionFailure<Field extends string = string> = ActionState<Field> & {
  ok: false;
  code: AppError["code"] | "UNAUTHENTICATED" | "ERROR";
};
export type ActionResult<Data, Field extends string = string> = { ok: true; data: Data; message?: string } | ActionFailure<Field>;

interface ActionOptions<Schema extends z.ZodType> {
  schema: Schema;
  /** Settings and people: admins only. Everything else: authors and admins. */
  adminOnly?: boolean;
}

/**
 * The one way a dashboard server action is made: it reads the user from the database, refuses
 * anyone but an author or admin, validates the input with zod, then runs the handler. Typed
 * application errors become a message for the person; a database that cannot be reached (even
 * when reading the user) answers "Could not save, try again"; anything else is logged and
 * reported as "nothing was changed" (handlers write in one transaction, so that holds).
 * Input may be FormData (a form, with or without JavaScript) or a plain object (autosave).
 */
export function dashboardAction<Schema extends z.ZodType, Data>(
  { schema, adminOnly = false }: ActionOptions<Schema>,
  handler: (input: z.infer<Schema>, user: DashboardUser) => Promise<Data>,
) {
  type Result = ActionResult<Data, Extract<keyof z.infer<Schema>, string>>;
  return async (input: unknown): Promise<Result> => {
    try {
      return await run(input);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
      if (answersDatabaseOutage(error)) return { ok: false, code: "ERROR", message: COULD_NOT_SAVE };
      console.error("Dashboard action failed", error);
      return { ok: false, code: "ERROR", message: "Something went wrong on the server; nothing was changed. Please try again." };
    }
  };

  async function run(input: unknown): Promise<Result> {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended: sign in again, then try once more." };
    if (!canUseDashboard(user) || (adminOnly && !isAdmin(user))) {
      return { ok: false, code: "FORBIDDEN", message: "You are not allowed to do that." };
    }
    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) return { ...invalid<Extract<keyof z.infer<Schema>, string>>(parsed.error), ok: false, code: "INVALID" };
    const data = await handler(parsed.data, user);
    // What the author changed may be on reader pages: they see those pages fresh for a moment.
    await grantFreshReads(user.id);
    return { ok: true, data };
  }
}

/** Repeated names (checkboxes, several labels) become arrays; single ones stay strings. */
export function formDataToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const object: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    object[key] = values.length === 1 ? values[0]! : values;
  }
  return object;
}
