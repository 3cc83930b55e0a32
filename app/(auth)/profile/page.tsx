import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { BioField, NameField, NoticesField, PasswordField } from "@/lib/actions/profile";
import { BioForm, CommentNoticesForm, NameForm, PasswordForm } from "@/components/auth/profile-forms";
import { authorPath } from "@/lib/permalinks";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { authorPageOf, hasPassword } from "@/lib/accounts";
import { FORM_IDS, flashedFormState } from "@/lib/form-flash";
import { mailConfigured } from "@/lib/mail";
import { commentNoticesOn } from "@/lib/notifications/author-setting";
import { getCurrentUser } from "@/lib/session";

export const metadata: Metadata = { title: "Your profile", robots: { index: false } };

export default async function ProfilePage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: "/profile" })}`);
  const page = await authorPageOf(user.id);
  return (
    <>
      <h1>Your profile</h1>
      <p>
        Signed in as {user.name} ({user.email}). <Link href="/">Back to the blog</Link>
      </p>
      <section aria-labelledby="name-heading" className="auth-section">
        <h2 id="name-heading">Name</h2>
        <NameForm name={user.name} flashed={await flashedFormState<NameField>(FORM_IDS.profileName)} />
      </section>
      <section aria-labelledby="author-page-heading" className="auth-section">
        <h2 id="author-page-heading">Author page</h2>
        {page.slug && <AuthorPageAddress slug={page.slug} isPublic={page.isPublic} />}
        <BioForm bio={page.bio} flashed={await flashedFormState<BioField>(FORM_IDS.profileBio)} />
      </section>
      <section aria-labelledby="password-heading" className="auth-section">
        <h2 id="password-heading">Password</h2>
        <PasswordForm email={user.email} hasPassword={await hasPassword(user.id)} flashed={await flashedFormState<PasswordField>(FORM_IDS.profilePassword)} />
      </section>
      {user.role !== "READER" && mailConfigured() && (
        <section aria-labelledby="notices-heading" className="auth-section">
          <h2 id="notices-heading">Comment notices</h2>
          <CommentNoticesForm on={await commentNoticesOn(user.id)} flashed={await flashedFormState<NoticesField>(FORM_IDS.commentNotices)} />
        </section>
      )}
      <section aria-labelledby="sign-out-heading" className="auth-section">
        <h2 id="sign-out-heading">Sign out</h2>
        <p>Signing out ends your session on every device and browser you signed in on.</p>
        <SignOutButton label="Sign out everywhere" />
      </section>
    </>
  );
}

/** The page's address follows the name; readers see it once one of the person's posts is published. */
function AuthorPageAddress({ slug, isPublic }: { slug: string; isPublic: boolean }) {
  return isPublic ? (
    <p>
      Your page: <Link href={authorPath(slug)}>{authorPath(slug)}</Link>
    </p>
  ) : (
    <p>
      Your page will be at {authorPath(slug)} once a post of yours is published. Until then nobody sees it.
    </p>
  );
}
