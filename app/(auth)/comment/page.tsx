import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentForm } from "@/components/comment/comment-form";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { refusedComment } from "@/lib/comments/refused-flash";
import { getComments, getPost } from "@/lib/reader";
import { getBlogSettings } from "@/lib/settings";
import { commentIdSchema, permalinkSchema } from "@/lib/validation/comments";
import { mailConfigured } from "@/lib/mail";
import { messagesFor } from "@/lib/messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor((await getBlogSettings()).locale).postAComment, robots: { index: false } };
}

/**
 * Where a guest's comment sent without JavaScript comes back when it was refused: the post's page
 * is one cached document for everyone and cannot hold what one guest typed, so this page, rendered
 * for each request like the account pages, shows the form again with their text, name, web site
 * and email, and why it was not posted. Unlike the account pages around it, it is in the blog's
 * language, as the post it belongs to is.
 */
export default async function GuestCommentPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const permalink = permalinkSchema.safeParse(firstParam(params.on)).data;
  const post = permalink ? await getPost(permalink) : null;
  if (!post?.commentsOpen) notFound();
  const parentId = commentIdSchema.shape.commentId.safeParse(firstParam(params.reply)).data;
  const [settings, comments, refused] = await Promise.all([getBlogSettings(), getComments(post.id), refusedComment()]);
  const t = messagesFor(settings.locale);
  return (
    <div lang={settings.locale}>
      <h1>{parentId ? t.replyToAComment : t.postAComment}</h1>
      <p>
        {t.onBefore}
        <Link href={`${post.permalink}${parentId ? `#c${parentId}` : "#comments"}`}>{post.title}</Link>
        {refused && t.notPostedYet}
      </p>
      <CommentForm
        target={{ postId: post.id, permalink: post.permalink, formKey: comments.formKey, guests: settings.commentPermission === "ANYONE", locale: settings.locale, notify: mailConfigured() }}
        parentId={parentId}
        refused={refused}
      />
    </div>
  );
}
