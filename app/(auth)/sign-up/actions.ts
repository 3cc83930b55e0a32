"use server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { FORM_IDS, type FormState } from "@/components/auth/fields";
import { registerAccount, warnOwnerOfSignUp } from "@/lib/accounts";
import { invalid } from "@/lib/action-state";
import { DATABASE_DOWN, refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { answerForm } from "@/lib/form-flash";
import { WRITERS_NAME_MESSAGE } from "@/lib/display-names";
import { currentClientIp } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { describeRetry, hitRateLimits } from "@/lib/rate-limit";
import { siteOrigin } from "@/lib/site";
import { signUpSchema } from "@/lib/validation/accounts";

export type SignUpField = "name" | "email" | "password";

// Plenty for a household behind one address, too few to mass-create accounts.
const SIGN_UPS_PER_IP = { name: "sign-up-ip", limit: 20, windowSeconds: 60 * 60 };

/**
 * Creates a READER account, then sends the person to sign in with the email filled in. A taken
 * email gets the very same answer (its owner is emailed after the response), so the form cannot
 * be used to learn who has an account.
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

  const result = await registerAccount(parsed.data);
  if (!result.created && result.reason === "writers-name") {
    return answer({ ok: false, message: "Please correct the fields below.", errors: { name: [WRITERS_NAME_MESSAGE] }, values });
  }
  if (!result.created) {
    const { email } = parsed.data;
    after(() => warnOwnerOfSignUp(email).catch((error: unknown) => console.error("Could not email the owner about a sign-up with their address", error)));
  }
  redirect(`/sign-in?${new URLSearchParams({ created: "1", email: parsed.data.email, callbackUrl })}`);
}
