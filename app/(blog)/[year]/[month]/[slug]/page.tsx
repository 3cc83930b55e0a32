import type { Metadata } from "next";
import Link from "next/link";
import { EditPostLink } from "@/components/blog/edit-post-link";
import { CommentForm } from "@/components/comment/comment-form";
import { CommentThread } from "@/components/comment/comment-thread";
import { NotPostedNotes } from "@/components/comment/not-posted-notes";
import { ReplyFormMover } from "@/components/comment/reply-form-mover";
import { ThreadControls } from "@/components/comment/thread-controls";
import { ViewerComments } from "@/components/comment/viewer-comments";
import { PostArticle } from "@/components/post/post-article";
import { JsonLd } from "@/components/seo/json-ld";
import { SharePost } from "@/components/share/share-post";
import { getAdjacentPosts, getComments, getPost } from "@/lib/reader";
import { redirectOrNotFound } from "@/lib/redirect-or-not-found";
import { describe, pageMetadata } from "@/lib/seo";
import { getBlogSettings } from "@/lib/settings";
import { absoluteUrl } from "@/lib/site";
import { bloggerSlugParam, monthParam, slugParam, yearParam } from "@/lib/validation/reader";
import { htmlToText } from "@/lib/html";
import { messagesFor } from "@/lib/messages";
import { postParams } from "@/lib/static-params";
import { mailConfigured } from "@/lib/mail";

type Params = PageProps<"/[year]/[month]/[slug]">["params"];

async function findPost(params: Params) {
  const { year, month, slug } = await params;
  const valid = yearParam.safeParse(year).success && monthParam.safeParse(month).success && slugParam.safeParse(slug).success;
  return valid ? getPost(`/${year}/${month}/${slug}`) : null;
}

export const generateStaticParams = postParams;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const post = await findPost(params);
  if (!post) return {};
  return pageMetadata({
    title: post.title,
    description: describe(post.excerpt ?? htmlToText(post.bodyHtml)),
    path: post.permalink,
    type: "article",
    publishedTime: post.publishedAt,
    modifiedTime: post.updatedAt,
    authors: [post.authorName],
    image: post.featuredImage,
  });
}

export default async function PostPage({ params }: { params: Params }) {
  const post = await findPost(params);
  if (!post) return postRedirectOrNotFound(await params);
  const [settings, adjacent, comments] = await Promise.all([getBlogSettings(), getAdjacentPosts(post.id, post.publishedAt), getComments(post.id)]);
  const url = absoluteUrl(post.permalink);
  const t = messagesFor(settings.locale);
  const replyTarget = post.commentsOpen ? { postId: post.id, permalink: post.permalink, formKey: comments.formKey, guests: settings.commentPermission === "ANYONE", locale: settings.locale, notify: mailConfigured() } : undefined;
  return (
    <>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "BlogPosting",
          headline: post.title,
          url,
          mainEntityOfPage: url,
          datePublished: post.publishedAt.toISOString(),
          dateModified: post.updatedAt.toISOString(),
          author: { "@type": "Person", name: post.authorName },
          image: post.featuredImage ? absoluteUrl(post.featuredImage.url) : undefined,
          publisher: { "@type": "Organization", name: settings.blogTitle },
          keywords: post.labels.map((label) => label.name).join(", ") || undefined,
          commentCount: comments.count,
        }}
      />
      <PostArticle post={post} clock={settings} />
      <SharePost url={url} title={post.title} t={t} />
      <EditPostLink postId={post.id} locale={settings.locale} />
      <nav className="pager" aria-label={t.newerAndOlderPosts}>
        {adjacent.newer ? (
          <Link href={adjacent.newer.permalink} rel="prev">
            {t.newerPost}
            <span className="visually-hidden">: {adjacent.newer.title}</span>
          </Link>
        ) : (
          <span />
        )}
        <Link href="/">{t.home}</Link>
        {adjacent.older ? (
          <Link href={adjacent.older.permalink} rel="next">
            {t.olderPost}
            <span className="visually-hidden">: {adjacent.older.title}</span>
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <section id="comments" className="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t.commentsHeading(comments.count)}</h2>
        <CommentThread comments={comments.thread} clock={settings} repliesOpen={Boolean(replyTarget)} />
        <ThreadControls locale={settings.locale} />
        {replyTarget && <ReplyFormMover target={replyTarget} />}
        <ViewerComments postId={post.id} version={comments.formKey} locale={settings.locale} />
        {/* Where a comment that must wait for a moderator lands; shown only as the URL's #target. */}
        <p id="comment-awaiting-moderation" className="comment-note" role="status">
          {t.awaitingModeration}
        </p>
        {replyTarget ? (
          <>
            <NotPostedNotes t={t} />
            <h3 className="comment-form-heading">{t.postAComment}</h3>
            <CommentForm target={replyTarget} />
          </>
        ) : (
          <p className="comment-closed">{t.commentsClosed}</p>
        )}
      </section>
    </>
  );
}

/** Old paths in the Redirect table ("/category/a/b" too), Blogger's ".html" paths, and a real slug under the wrong month. */
function postRedirectOrNotFound({ year, month, slug }: Awaited<Params>): Promise<never> {
  const datePath = yearParam.safeParse(year).success && monthParam.safeParse(month).success;
  const blogger = bloggerSlugParam.safeParse(slug).data;
  return redirectOrNotFound(`/${year}/${month}/${slug}`, { slug: datePath ? (blogger?.slice(0, -".html".length) ?? slug) : undefined });
}
