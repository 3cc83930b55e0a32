"use server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { registerAccount, warnOwnerOfSignUp } from "@/lib/accounts";
import { invalid, type FormState } from "@/lib/action-state";
import { DATABASE_DOWN, refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { answerForm, FORM_IDS } from "@/lib/form-flash";
import { WRITERS_NAME_MESSAGE } from "@/lib/display-names";
import { currentClientIp } from "@/lib/auth/credentials";
import { mailConfigured } from "@/lib/mail";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { describeRetry, hitRateLimits } from "@/lib/rate-limit";
import { sendSignUpConfirmation } from "@/lib/sign-up-confirmation";
import { siteOrigin } from "@/lib/site";
import { signUpSchema } from "@/lib/validation/accounts";

export type SignUpField = "name" | "email" | "password";

// Plenty for a household behind one address, too few to mass-create accounts.
const SIGN_UPS_PER_IP = { name: "sign-up-ip", limit: 20, windowSeconds: 60 * 60 };

/**
 * Creates a READER account. When email is configured the account waits for the link mailed to its
 * address, and a taken email gets the very same "check your email" answer (its owner is warned by
 * email instead), so neither the form nor a sign-in with the password just chosen can tell who has
 * an account. Without email nothing can prove the address: the person signs in at once, and the
 * answer for a taken email is only the same until they try the password (README "Accounts").
 */
export async function signUp(_previous: FormState<SignUpField>, formData: FormData): Promise<FormState<SignUpField>> {
  const callbackUrl = safeCallbackPath(String(formData.get("callbackUrl") ?? ""), siteOrigin());
  const answer = (state: FormState<SignUpField>) => answerForm(FORM_IDS.signUp, `/sign-up?${new URLSearchParams({ callbackUrl })}`, state);
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  return refuseWhileDatabaseDown(() => signUpNow(formData, callbackUrl, answer, values), () => answer({ ok: false, message: DATABASE_DOWN, values }));
}

async function signUpNow(
  formData: FormData,
  callbackUrl: string,
  answer: (state: FormState<SignUpField>) => Promise<FormState<SignUpField>>,
  values: { name: string; email: string },
): Promise<FormState<SignUpField>> {
  const parsed = signUpSchema.safeParse({ ...values, password: formData.get("password") });
  if (!parsed.success) return answer({ ...invalid<SignUpField>(parsed.error), values });

  const limit = await hitRateLimits([SIGN_UPS_PER_IP], await currentClientIp());
  if (!limit.allowed) return answer({ ok: false, message: `Too many new accounts from your network. Try again in ${describeRetry(limit.retryAfterSeconds)}.`, values });

  const confirmByEmail = mailConfigured();
  const result = await registerAccount(parsed.data, { awaitingConfirmation: confirmByEmail });
  if (!result.created && result.reason === "writers-name") {
    return answer({ ok: false, message: "Please correct the fields below.", errors: { name: [WRITERS_NAME_MESSAGE] }, values });
  }
  const { email } = parsed.data;
  // After the response, so sending a mail (or not) takes no time the answer could show.
  if (!result.created && result.reason === "awaiting-confirmation") {
    after(() => sendSignUpConfirmation(email, callbackUrl).catch((error: unknown) => console.error("Could not email a sign-up its confirmation link", error)));
  }
  if (!result.created && result.reason === "email-taken") {
    after(() => warnOwnerOfSignUp(email).catch((error: unknown) => console.error("Could not email the owner about a sign-up with their address", error)));
  }
  redirect(confirmByEmail ? "/check-email?for=sign-up" : `/sign-in?${new URLSearchParams({ created: "1", email, callbackUrl })}`);
}
