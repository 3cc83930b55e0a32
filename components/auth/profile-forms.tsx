"use client";
import { useActionState } from "react";
import { changeBio, changeCommentNotices, changeName, changeOwnPassword, type BioField, type NameField, type NoticesField, type PasswordField } from "@/lib/actions/profile";
import { Field, FormMessage, NewPasswordField } from "@/components/auth/fields";
import type { FormState } from "@/lib/action-state";
import { couldNotSaveKeeping, withFailureState } from "@/components/forms/with-failure-state";

const initialName: FormState<NameField> = { ok: false };
const initialPassword: FormState<PasswordField> = { ok: false };
const initialBio: FormState<BioField> = { ok: false };
const initialNotices: FormState<NoticesField> = { ok: false };
const changeNameOrFail = withFailureState(changeName, couldNotSaveKeeping("name"));
const changeBioOrFail = withFailureState(changeBio, couldNotSaveKeeping("bio"));
// Like a refused change, a failed one asks for the passwords again.
const changePasswordOrFail = withFailureState(changeOwnPassword, couldNotSaveKeeping());
const changeNoticesOrFail = withFailureState(changeCommentNotices, couldNotSaveKeeping());

// `flashed`: the result of a post made without JavaScript (lib/form-flash.ts).
export function NameForm({ name, flashed }: { name: string; flashed?: FormState<NameField> }) {
  const [state, action, pending] = useActionState(changeNameOrFail, flashed ?? initialName);
  return (
    <form action={action} className="auth-form">
      <FormMessage state={state} />
      <Field label="Name" name="name" autoComplete="name" defaultValue={state.values?.name ?? name} errors={state.errors?.name} />
      <button type="submit" className="button" disabled={pending}>
        Save name
      </button>
    </form>
  );
}

export function BioForm({ bio, flashed }: { bio: string; flashed?: FormState<BioField> }) {
  const [state, action, pending] = useActionState(changeBioOrFail, flashed ?? initialBio);
  return (
    <form action={action} className="auth-form">
      <FormMessage state={state} />
      <Field label="Bio" name="bio" autoComplete="off" rows={6} hint="Plain text; a blank line starts a new paragraph." defaultValue={state.values?.bio ?? bio} errors={state.errors?.bio} />
      <button type="submit" className="button" disabled={pending}>
        Save bio
      </button>
    </form>
  );
}

/** `hasPassword` is false for accounts made through GitHub, Google or an email link: they set a first one. */
export function PasswordForm({ email, hasPassword, flashed }: { email: string; hasPassword: boolean; flashed?: FormState<PasswordField> }) {
  const [state, action, pending] = useActionState(changePasswordOrFail, flashed ?? initialPassword);
  return (
    <form action={action} className="auth-form">
      <FormMessage state={state} />
      {/* Tells password managers which account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      {hasPassword && (
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={state.errors?.currentPassword} />
      )}
      <NewPasswordField label="New password" name="newPassword" errors={state.errors?.newPassword} />
      <button type="submit" className="button" disabled={pending}>
        {hasPassword ? "Change password" : "Set password"}
      </button>
    </form>
  );
}

/** An author's own choice to be emailed about comments on their posts; `on` is what is saved now. */
export function CommentNoticesForm({ on, flashed }: { on: boolean; flashed?: FormState<NoticesField> }) {
  const [state, action, pending] = useActionState(changeNoticesOrFail, flashed ?? initialNotices);
  const saved = state.values?.commentNotices;
  return (
    <form action={action} className="auth-form">
      <FormMessage state={state} />
      <p>
        <input id="field-commentNotices" type="checkbox" name="commentNotices" defaultChecked={saved ? saved === "on" : on} key={saved} />{" "}
        <label htmlFor="field-commentNotices">Email me when someone comments on my posts, or a comment awaits moderation</label>
      </p>
      <button type="submit" className="button" disabled={pending}>
        Save
      </button>
    </form>
  );
}
