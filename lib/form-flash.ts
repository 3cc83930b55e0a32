import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/action-state";

// Without JavaScript a form posts the whole page, and Next 16.4 answers a partly prerendered page
// by resuming its prerender, which leaves the action's result out of the HTML (it only reaches
// useActionState through script). So for such a post the result goes to the browser in a
// short-lived cookie, and a redirect brings the person back to the page, which shows it.
const FLASH_SECONDS = 30;

/** Names of the forms whose results survive a post without JavaScript. */
export const FORM_IDS = {
  signUp: "sign-up",
  profileName: "profile-name",
  profileBio: "profile-bio",
  profilePassword: "profile-password",
  commentNotices: "comment-notices",
  forgotPassword: "forgot-password",
  resetPassword: "reset-password",
  imageUpload: "image-upload",
  layout: "layout",
} as const;

const flashedState = z.object({
  ok: z.boolean(),
  message: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
  values: z.record(z.string(), z.string()).optional(),
});

const cookieName = (formId: string) => `form-result-${formId}`;

/**
 * Whether the page's script sent this form (Next's `Next-Action` header), so the action's result
 * reaches `useActionState`; a plain form post without JavaScript has no such header.
 */
export async function submittedByScript(): Promise<boolean> {
  return (await headers()).has("next-action");
}

/**
 * What a form's server action answers: the state itself when the page's script sent the form
 * (Next's `Next-Action` header), else a redirect to `page` carrying the state in a cookie.
 */
export async function answerForm<Field extends string>(formId: string, page: string, state: FormState<Field>): Promise<FormState<Field>> {
  const store = await cookies();
  if (await submittedByScript()) {
    // A result left by an earlier post without JavaScript is out of date now.
    if (store.has(cookieName(formId))) store.delete(cookieName(formId));
    return state;
  }
  store.set(flashCookie(formId, state));
  redirect(page);
}

/** The short-lived cookie that carries a form's result to the page; route handlers set it on their redirect. */
export function flashCookie<Field extends string>(formId: string, state: FormState<Field>) {
  return { name: cookieName(formId), value: JSON.stringify(state), maxAge: FLASH_SECONDS, httpOnly: true, sameSite: "lax", path: "/" } as const;
}

/** The result a form's last post without JavaScript left for its page, if any. */
export async function flashedFormState<Field extends string>(formId: string): Promise<FormState<Field> | undefined> {
  const raw = (await cookies()).get(cookieName(formId))?.value;
  if (!raw) return undefined;
  try {
    const parsed = flashedState.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as FormState<Field>) : undefined;
  } catch {
    return undefined;
  }
}
