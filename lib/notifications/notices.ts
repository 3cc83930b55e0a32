import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { htmlToText } from "@/lib/html";
import { mailConfigured } from "@/lib/mail";
import { unsubscribePage } from "@/lib/notifications/unsubscribe";
import { absoluteUrl } from "@/lib/site";

/** The dashboard's moderation queue, where a held comment's notice sends the author. */
const MODERATION_QUEUE = "/dashboard/comments";
const EXCERPT_LENGTH = 500;

type Notice = Prisma.MailNoticeCreateManyInput;

/**
 * Queues the notices a comment calls for, in the caller's transaction (its insert, or the approval
 * that makes it show), so a comment and its notices are written together or not at all. On a new
 * comment (`isNew`) the post's author is told whether it shows or is held; subscribers are told of
 * a comment once, when it first shows. Nobody is told of their own comment. Without SMTP nothing is
 * queued: nothing could send it.
 *
 * A writer who ticked "Notify me" is subscribed then too, not before: an address typed into a held
 * comment (anyone's, by a guest) gets no mail unless a moderator lets that comment through.
 */
export async function queueCommentNotices(tx: Prisma.TransactionClient, commentId: string, { isNew }: { isNew: boolean }): Promise<void> {
  if (!mailConfigured()) return;
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      id: true,
      status: true,
      subscribersNotified: true,
      notifyWriter: true,
      userId: true,
      authorName: true,
      authorEmail: true,
      bodyHtml: true,
      user: { select: { name: true, email: true } },
      parent: { select: { authorEmail: true, user: { select: { email: true } } } },
      post: { select: { id: true, title: true, permalink: true, authorId: true, author: { select: { email: true, commentNotices: true, disabledAt: true } } } },
    },
  });
  const writerEmail = (comment.user?.email ?? comment.authorEmail)?.toLowerCase();
  const writer = comment.user?.name ?? comment.authorName ?? "Someone";
  const { post } = comment;
  const link = absoluteUrl(`${post.permalink}#c${comment.id}`);
  const said = `${writer} wrote:\n\n${excerpt(comment.bodyHtml)}`;
  const notices: Notice[] = [];

  const { author } = post;
  if (isNew && comment.userId !== post.authorId && author.commentNotices && !author.disabledAt) {
    notices.push(
      comment.status === "VISIBLE"
        ? { commentId, to: author.email.toLowerCase(), subject: `New comment on “${post.title}”`, text: `${said}\n\nRead it on your post: ${link}\n\n${authorFooter()}` }
        : {
            commentId,
            to: author.email.toLowerCase(),
            subject: `A comment on “${post.title}” awaits moderation`,
            text: `${said}\n\nIt shows once approved. Approve it, or mark it as spam, in the moderation queue: ${absoluteUrl(MODERATION_QUEUE)}\n\n${authorFooter()}`,
          },
    );
  }

  if (comment.status === "VISIBLE" && !comment.subscribersNotified) {
    if (comment.notifyWriter && writerEmail) await subscribe(tx, post.id, writerEmail);
    const subscriptions = await tx.commentSubscription.findMany({ where: { postId: post.id, unsubscribedAt: null }, select: { id: true, email: true } });
    const repliedTo = (comment.parent?.user?.email ?? comment.parent?.authorEmail)?.toLowerCase();
    for (const subscription of subscriptions) {
      if (subscription.email === writerEmail) continue;
      const reply = subscription.email === repliedTo;
      notices.push({
        commentId,
        to: subscription.email,
        subscriptionId: subscription.id,
        subject: reply ? `${writer} replied to your comment on “${post.title}”` : `New comment on “${post.title}”`,
        text: `${said}\n\nRead it and join in: ${link}\n\nYou asked to hear of new comments on this post. To stop, unsubscribe here: ${unsubscribePage(subscription.id)}`,
      });
    }
    await tx.comment.update({ where: { id: commentId }, data: { subscribersNotified: true } });
  }
  // The author who also subscribed is told once: the first notice for an address stands.
  await tx.mailNotice.createMany({ data: notices, skipDuplicates: true });
}

/** Someone who ticked "Notify me": subscribed to the post's new comments (again, if they had left). */
async function subscribe(tx: Prisma.TransactionClient, postId: string, email: string): Promise<void> {
  const address = email.toLowerCase();
  await tx.commentSubscription.upsert({ where: { postId_email: { postId, email: address } }, create: { postId, email: address }, update: { unsubscribedAt: null } });
}

function excerpt(bodyHtml: string): string {
  const text = htmlToText(bodyHtml);
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

const authorFooter = () => `You are told of comments on your posts. To stop, turn it off on your profile: ${absoluteUrl("/profile")}`;
