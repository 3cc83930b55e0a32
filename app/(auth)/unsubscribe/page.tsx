import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { messagesFor } from "@/lib/messages";
import { subscriptionOfLink } from "@/lib/notifications/unsubscribe";
import { getBlogSettings } from "@/lib/settings";
import { unsubscribeTokenSchema } from "@/lib/validation/unsubscribe";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor((await getBlogSettings()).locale).unsubscribe, robots: { index: false } };
}

// Opening the link changes nothing (mail scanners open links too): the button does, by POST, with
// or without JavaScript. After it, the endpoint sends the reader back here with what happened.
// A reader of the blog's comments follows it, so unlike the account pages around it, it speaks
// the blog's language.
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const { locale } = await getBlogSettings();
  const t = messagesFor(locale);
  const inBlogLanguage = (content: ReactNode) => <div lang={locale}>{content}</div>;
  const token = unsubscribeTokenSchema.safeParse(firstParam(query.token));
  const subscription = token.success ? await subscriptionOfLink(token.data) : null;
  if (!token.success || !subscription) {
    return inBlogLanguage(
      <>
        <h1>{t.unsubscribe}</h1>
        <p className="form-message form-message-error" role="alert">
          {t.badUnsubscribeLink}
          <Link href="/">{t.goToTheBlog}</Link>.
        </p>
      </>,
    );
  }
  const post = <Link href={subscription.post.permalink ?? "/"}>{subscription.post.title}</Link>;
  const outcome = firstParam(query.outcome);
  if (subscription.unsubscribedAt) {
    return inBlogLanguage(
      <>
        <h1>{t.unsubscribed}</h1>
        <p className="form-message" role="status">
          {outcome === "unsubscribed" ? t.unsubscribeDone : t.alreadyUnsubscribed}
          {t.noMoreMailBefore(subscription.email)}
          {post}
          {t.noMoreMailAfter}
        </p>
      </>,
    );
  }
  return inBlogLanguage(
    <>
      <h1>{t.unsubscribe}</h1>
      <p>
        {t.stopMailBefore(subscription.email)}
        {post}
        {t.stopMailAfter}
      </p>
      <form method="post" action={`/api/unsubscribe?token=${token.data}`} className="auth-form">
        <button type="submit" className="button">
          {t.unsubscribe}
        </button>
      </form>
    </>,
  );
}
