import type { Metadata } from "next";
import Link from "next/link";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { subscriptionOfLink } from "@/lib/notifications/unsubscribe";
import { unsubscribeTokenSchema } from "@/lib/validation/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

// Opening the link changes nothing (mail scanners open links too): the button does, by POST, with
// or without JavaScript. After it, the endpoint sends the reader back here with what happened.
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const token = unsubscribeTokenSchema.safeParse(firstParam(query.token));
  const subscription = token.success ? await subscriptionOfLink(token.data) : null;
  if (!token.success || !subscription) {
    return (
      <>
        <h1>Unsubscribe</h1>
        <p className="form-message form-message-error" role="alert">
          This unsubscribe link is not valid. Copy the whole link from the email, or <Link href="/">go to the blog</Link>.
        </p>
      </>
    );
  }
  const post = <Link href={subscription.post.permalink ?? "/"}>{subscription.post.title}</Link>;
  const outcome = firstParam(query.outcome);
  if (subscription.unsubscribedAt) {
    return (
      <>
        <h1>Unsubscribed</h1>
        <p className="form-message" role="status">
          {outcome === "unsubscribed" ? "Done: " : "You were already unsubscribed: "}
          {subscription.email} gets no more emails about new comments on “{post}”.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Unsubscribe</h1>
      <p>
        Stop emails to {subscription.email} about new comments on “{post}”?
      </p>
      <form method="post" action={`/api/unsubscribe?token=${token.data}`} className="auth-form">
        <button type="submit" className="button">
          Unsubscribe
        </button>
      </form>
    </>
  );
}
