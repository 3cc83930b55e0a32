import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { createDraftAction } from "@/lib/actions/dashboard/posts";

export const metadata: Metadata = { title: "New post", robots: { index: false } };

// Making a draft is a write, so it happens on a POST from this page, never on a GET.
export default async function NewPostPage() {
  await requireDashboardPage("/dashboard/posts/new");
  return (
    <>
      <h1>New post</h1>
      <form action={createDraftAction}>
        <p>A new draft is made and opened in the editor; it stays private until you publish it.</p>
        <Button type="submit" intent="primary">
          Start writing
        </Button>
      </form>
    </>
  );
}
