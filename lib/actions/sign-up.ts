"use server";
import { after } from "next/server";
import { z } from "zod";
import { registerAccount, warnOwnerOfSignUp } from "@/lib/accounts";
import { flashedFormAction, publicAction } from "@/lib/action-client";
import { DATABASE_DOWN } from "@/lib/database-outage-refusal";
import { AppError, InvalidFieldsError } from "@/lib/errors";
import { FORM_IDS } from "@/lib/form-flash";
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

/** Where the person goes once signed in: a path on this blog, whatever the form was sent with. */
const callbackOf = (sent: unknown) => safeCallbackPath(typeof sent === "string" ? sent : "", siteOrigin());

/**
 * Creates a READER account. When email is configured the account waits for the link mailed to its
 * address, and a taken email gets the very same "check your email" answer (its owner is warned by
 * email instead), so neither the form nor a sign-in with the password just chosen can tell who has
 * an account. Without email nothing can prove the address: the person signs in at once, and the
 * answer for a taken email is only the same until they try the password (README "Accounts").
 */
const register = publicAction(
  { schema: z.intersection(signUpSchema, z.object({ callbackUrl: z.unknown().transform(callbackOf) })), outage: DATABASE_DOWN },
  async ({ callbackUrl, ...account }) => {
    const limit = await hitRateLimits([SIGN_UPS_PER_IP], await currentClientIp());
    if (!limit.allowed) throw new AppError("RATE_LIMITED", `Too many new accounts from your network. Try again in ${describeRetry(limit.retryAfterSeconds)}.`);

    const confirmByEmail = mailConfigured();
    const result = await registerAccount(account, { awaitingConfirmation: confirmByEmail });
    if (!result.created && result.reason === "writers-name") throw new InvalidFieldsError({ name: [WRITERS_NAME_MESSAGE] });
    const { email } = account;
    // After the response, so sending a mail (or not) takes no time the answer could show.
    if (!result.created && result.reason === "awaiting-confirmation") {
      after(() => sendSignUpConfirmation(email, callbackUrl).catch((error: unknown) => console.error("Could not email a sign-up its confirmation link", error)));
    }
    if (!result.created && result.reason === "email-taken") {
      after(() => warnOwnerOfSignUp(email).catch((error: unknown) => console.error("Could not email the owner about a sign-up with their address", error)));
    }
    return confirmByEmail ? "/check-email?for=sign-up" : `/sign-in?${new URLSearchParams({ created: "1", email, callbackUrl })}`;
  },
  { redirectTo: (address) => address },
);

export const signUp = flashedFormAction<SignUpField, string>(register, {
  id: FORM_IDS.signUp,
  page: (formData) => `/sign-up?${new URLSearchParams({ callbackUrl: callbackOf(formData.get("callbackUrl")) })}`,
  keeps: ["name", "email"],
});
