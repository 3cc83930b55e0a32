import { signOut } from "@/app/(auth)/actions";

export function SignOutButton() {
  return (
    <form action={signOut} className="sign-out-form">
      <button type="submit" className="link-button">
        Sign out
      </button>
    </form>
  );
}
