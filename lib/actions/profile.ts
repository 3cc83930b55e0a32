"use server";
import { changePassword, renameAccount, saveBio } from "@/lib/accounts";
import { flashedFormAction, signedInAction } from "@/lib/action-client";
import { WRITERS_NAME_MESSAGE } from "@/lib/display-names";
import { profileSaved } from "@/lib/cache-invalidation";
import { DATABASE_DOWN } from "@/lib/database-outage-refusal";
import { AppError, InvalidFieldsError } from "@/lib/errors";
import { FORM_IDS } from "@/lib/form-flash";
import { describeRetry } from "@/lib/rate-limit";
import { setCommentNotices } from "@/lib/notifications/author-setting";
import { keepThisBrowserSignedIn } from "@/lib/session";
import { changePasswordSchema, checkedNewPassword, commentNoticesSchema, profileBioSchema, profileNameSchema } from "@/lib/validation/accounts";

export type NameField = "name";
export type BioField = "bio";
export type PasswordField = "currentPassword" | "newPassword";
export type NoticesField = "commentNotices";

// The account as the database knows it now (lib/action-client.ts): signed out, deleted or
// disabled meanwhile, the person is sent to sign in and come back here.
const PROFILE = { page: () => "/profile" };

const rename = signedInAction(
  { schema: profileNameSchema, outage: DATABASE_DOWN },
  async ({ name }, user, { expire }) => {
    if ((await renameAccount(user.id, name)) === "writers-name") throw new InvalidFieldsError({ name: [WRITERS_NAME_MESSAGE] });
    expire(profileSaved());
    return name;
  },
  { message: () => "Your name is saved." },
);

export const changeName = flashedFormAction<NameField, string>(rename, { ...PROFILE, id: FORM_IDS.profileName, keeps: ["name"], saved: (name) => ({ name }) });

// Anyone signed in keeps a bio; it shows only once they have a published post (lib/queries/authors.ts).
const bio = signedInAction(
  { schema: profileBioSchema, outage: DATABASE_DOWN },
  async ({ bio }, user, { expire }) => {
    await saveBio(user.id, bio);
    expire(profileSaved());
    return bio;
  },
  { message: () => "Your bio is saved." },
);

export const changeBio = flashedFormAction<BioField, string>(bio, { ...PROFILE, id: FORM_IDS.profileBio, keeps: ["bio"], saved: (bio) => ({ bio }) });

const newPassword = signedInAction(
  { schema: changePasswordSchema, outage: DATABASE_DOWN },
  async ({ currentPassword, newPassword }, user) => {
    const result = await changePassword(user.id, currentPassword, checkedNewPassword(newPassword, user.email, "newPassword"));
    if (typeof result === "object") throw new AppError("RATE_LIMITED", `Too many attempts at your current password. Try again in ${describeRetry(result.retryAfterSeconds)}.`);
    if (result === "wrong-current-password") throw new InvalidFieldsError({ currentPassword: ["That is not your current password."] });
    await keepThisBrowserSignedIn(user.id);
  },
  { message: () => "Your password is changed. Every other device is signed out." },
);

export const changeOwnPassword = flashedFormAction<PasswordField, void>(newPassword, { ...PROFILE, id: FORM_IDS.profilePassword });

const notices = signedInAction(
  { schema: commentNoticesSchema, outage: DATABASE_DOWN },
  async ({ commentNotices }, user) => {
    await setCommentNotices(user.id, commentNotices);
    return commentNotices;
  },
  { message: (on) => (on ? "You will be told of comments on your posts." : "You will not be told of comments on your posts.") },
);

export const changeCommentNotices = flashedFormAction<NoticesField, boolean>(notices, {
  ...PROFILE,
  id: FORM_IDS.commentNotices,
  saved: (on) => ({ commentNotices: on ? "on" : "off" }),
});
