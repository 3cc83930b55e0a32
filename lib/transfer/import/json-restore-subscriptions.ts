import "server-only";
import type { ExportedCommentSubscription } from "./json-elements";
import { countOutcomes, type RestoreContext } from "./json-restore-context";
import { existingIds, upsertById, type Column } from "./json-sql";

const SUBSCRIPTION_COLUMNS: Column<ExportedCommentSubscription>[] = [
  { name: "postId", arrayType: "text[]", value: (subscription) => subscription.postId },
  { name: "email", arrayType: "text[]", value: (subscription) => subscription.email },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (subscription) => subscription.createdAt },
  { name: "unsubscribedAt", arrayType: "timestamp(3)[]", value: (subscription) => subscription.unsubscribedAt },
];

const holderKey = (postId: string, email: string) => `${postId}\n${email}`;

/**
 * Readers' subscriptions to a post's comments, unsubscribed ones too (so an import never signs up
 * again someone who left). A subscription the post already has for that address, under another
 * id, stands for the file's and is left as it is: the reader's choice made here is the newer one.
 */
export async function restoreCommentSubscriptions({ client, report }: RestoreContext, subscriptions: ExportedCommentSubscription[]): Promise<void> {
  const posts = await existingIds(client, "Post", subscriptions.map((subscription) => subscription.postId));
  const held = await client.query<{ id: string; postId: string; email: string }>(
    `SELECT s."id", s."postId", s."email" FROM "CommentSubscription" s JOIN unnest($1::text[], $2::text[]) AS f("postId", email) ON s."postId" = f."postId" AND s."email" = f.email`,
    [subscriptions.map((subscription) => subscription.postId), subscriptions.map((subscription) => subscription.email)],
  );
  const holders = new Map(held.rows.map((row) => [holderKey(row.postId, row.email), row.id]));
  const rows: ExportedCommentSubscription[] = [];
  for (const subscription of subscriptions) {
    const key = holderKey(subscription.postId, subscription.email);
    const holder = holders.get(key);
    if (!posts.has(subscription.postId)) report.note("subscriptions", `${subscription.email}'s subscription`, "its post is not here (not in the file, or skipped)", { skipped: true });
    else if (holder !== undefined && holder !== subscription.id) report.count("subscriptions", "unchanged");
    else {
      holders.set(key, subscription.id);
      rows.push(subscription);
    }
  }
  countOutcomes(report, "subscriptions", rows, await upsertById(client, "CommentSubscription", SUBSCRIPTION_COLUMNS, rows));
}
