import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentForm } from "@/components/comment/comment-form";
import { CommentText } from "@/components/comment/comment-thread";
import { mailConfigured } from "@/lib/mail";
import { getCommentPermalink, getComments, getPost } from "@/lib/reader";
import { messagesFor } from "@/lib/messages";
import { getBlogSettings } from "@/lib/settings";
import type { CommentNode } from "@/lib/queries/post-page";
import { monthParam, yearParam } from "@/lib/validation/reader";
import { commentIdSchema } from "@/lib/validation/comments";

type Params = PageProps<"/[year]/[month]/reply/[commentId]">["params"];

// One sample, a 404: Cache Components needs one per route with parameters. Every real reply page
// is rendered on its first visit and then cached like the post.
export function generateStaticParams() {
  return [{ year: "2000", month: "01", commentId: "none" }];
}

function findComment(thread: CommentNode[], id: string): CommentNode | undefined {
  for (const comment of thread) {
    if (comment.id === id) return comment;
    const reply = findComment(comment.replies, id);
    if (reply) return reply;
  }
  return undefined;
}

/** The post and the shown comment replied to, at the post's month, while the post takes comments; null otherwise. */
async function findReplyTarget(params: Params) {
  const { year, month, commentId } = await params;
  const valid = yearParam.safeParse(year).success && monthParam.safeParse(month).success && commentIdSchema.safeParse({ commentId }).success;
  const permalink = valid ? await getCommentPermalink(commentId) : null;
  const post = permalink?.startsWith(`/${year}/${month}/`) ? await getPost(permalink) : null;
  if (!post?.commentsOpen) return null;
  const comments = await getComments(post.id);
  const comment = findComment(comments.thread, commentId);
  return comment && !comment.removed ? { post, comment, formKey: comments.formKey } : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await findReplyTarget(params);
  // A form's page, not content of its own: the comment is on the post's page.
  return found ? { title: `Reply to ${found.comment.authorName} on ${found.post.title}`, robots: { index: false } } : {};
}

/**
 * Where a comment's "Reply" link leads without JavaScript (the post page, one cached document,
 * holds one form, not one per comment): the comment, and the reply form. The form posts to the
 * post's own action, which lands back on the post at the new reply.
 */
export default async function ReplyPage({ params }: { params: Params }) {
  const found = await findReplyTarget(params);
  if (!found) notFound();
  const { post, comment, formKey } = found;
  const settings = await getBlogSettings();
  const t = messagesFor(settings.locale);
  return (
    <>
      <h1 className="list-heading">{t.replyTo(comment.authorName)}</h1>
      <p>
        {t.onBefore}
        <Link href={`${post.permalink}#c${comment.id}`}>{post.title}</Link>
        {t.onAfter}
      </p>
      <blockquote className="comment">
        <CommentText comment={comment} t={t} />
      </blockquote>
      <CommentForm
        target={{ postId: post.id, permalink: post.permalink, formKey, guests: settings.commentPermission === "ANYONE", locale: settings.locale, notify: mailConfigured() }}
        parentId={comment.id}
      />
    </>
  );
}
