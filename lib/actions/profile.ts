"use server";
import { redirect } from "next/navigation";
import { changePassword, renameAccount } from "@/lib/accounts";
import { invalid, type FormState } from "@/lib/action-state";
import { WRITERS_NAME_MESSAGE } from "@/lib/display-names";
import { DATABASE_DOWN, refuseWhileDatabaseDown } from "@/lib/database-outage-refusal";
import { answerForm, FORM_IDS } from "@/lib/form-flash";
import { describeRetry } from "@/lib/rate-limit";
import { getCurrentUser, keepThisBrowserSignedIn, type CurrentUser } from "@/lib/session";
import { changePasswordSchema, profileNameSchema } from "@/lib/validation/accounts";

export type NameField = "name";
export type PasswordField = "currentPassword" | "newPassword";

// The account as the database knows it now: signed out, deleted or disabled meanwhile means sign in again.
async function signedInUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: "/profile" })}`);
  return user;
}

export async function changeName(previous: FormState<NameField>, formData: FormData): Promise<FormState<NameField>> {
  const values = { name: String(formData.get("name") ?? "") };
  return refuseWhileDatabaseDown(
    () => changeNameNow(previous, formData),
    () => answerForm(FORM_IDS.profileName, "/profile", { ok: false, message: DATABASE_DOWN, values }),
  );
}

async function changeNameNow(_previous: FormState<NameField>, formData: FormData): Promise<FormState<NameField>> {
  const user = await signedInUser();
  const parsed = profileNameSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return answerForm(FORM_IDS.profileName, "/profile", { ...invalid<NameField>(parsed.error), values: { name: String(formData.get("name") ?? "") } });
  if ((await renameAccount(user.id, parsed.data.name)) === "writers-name") {
    return answerForm(FORM_IDS.profileName, "/profile", {
      ok: false,
      message: "Please correct the fields below.",
      errors: { name: [WRITERS_NAME_MESSAGE] },
      values: { name: parsed.data.name },
    });
  }
  return answerForm(FORM_IDS.profileName, "/profile", { ok: true, message: "Your name is saved.", values: { name: parsed.data.name } });
}

export async function changeOwnPassword(previous: FormState<PasswordField>, formData: FormData): Promise<FormState<PasswordField>> {
  return refuseWhileDatabaseDown(
    () => changeOwnPasswordNow(previous, formData),
    () => answerForm(FORM_IDS.profilePassword, "/profile", { ok: false, message: DATABASE_DOWN }),
  );
}

async function changeOwnPasswordNow(_previous: FormState<PasswordField>, formData: FormData): Promise<FormState<PasswordField>> {
  const user = await signedInUser();
  const parsed = changePasswordSchema(user.email).safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword"),
  });
  if (!parsed.success) return answerForm(FORM_IDS.profilePassword, "/profile", invalid<PasswordField>(parsed.error));
  const result = await changePassword(user.id, parsed.data.currentPassword, parsed.data.newPassword);
  if (typeof result === "object") {
    return answerForm(FORM_IDS.profilePassword, "/profile", {
      ok: false,
      message: `Too many attempts at your current password. Try again in ${describeRetry(result.retryAfterSeconds)}.`,
    });
  }
  if (result === "wrong-current-password") {
    return answerForm(FORM_IDS.profilePassword, "/profile", {
      ok: false,
      message: "Please correct the fields below.",
      errors: { currentPassword: ["That is not your current password."] },
    });
  }
  await keepThisBrowserSignedIn(user.id);
  return answerForm(FORM_IDS.profilePassword, "/profile", { ok: true, message: "Your password is changed. Every other device is signed out." });
}
