import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/static-pages/static-pages.module.css";
import { PAGE_STATUS_LABELS } from "@/components/static-pages/page-status";
import { buttonClass } from "@/components/ui/button";
import { StackingTable } from "@/components/ui/table";
import { isAdmin, requireDashboardPage } from "@/lib/dashboard/access";
import { formatDateTime } from "@/lib/dates";
import { getBlogSettings } from "@/lib/settings";
import { listPagesForUser } from "@/lib/static-pages/list";

export const metadata: Metadata = { title: "Pages", robots: { index: false } };

export default async function PagesPage() {
  const user = await requireDashboardPage("/dashboard/pages");
  const [pages, { timeZone }] = await Promise.all([listPagesForUser(user), getBlogSettings()]);
  const showAuthor = isAdmin(user);
  return (
    <>
      <div className={styles.heading}>
        <h1>Pages</h1>
        <Link className={buttonClass("primary")} href="/dashboard/pages/new">
          New page
        </Link>
      </div>
      <p>Pages stand outside the stream of posts (About, Contact) and are linked from the top of every page of the blog once published.</p>
      {pages.length === 0 ? (
        <p>No pages yet.</p>
      ) : (
        <StackingTable>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Address</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
              {showAuthor && <th scope="col">Author</th>}
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr key={page.id}>
                <td className={styles.title}>
                  <Link href={`/dashboard/pages/${encodeURIComponent(page.id)}`}>{page.title}</Link>
                </td>
                <td data-label="Address" className={styles.address}>
                  /p/{page.slug}
                </td>
                <td data-label="Status">{PAGE_STATUS_LABELS[page.status]}</td>
                <td data-label="Updated">
                  <time dateTime={page.updatedAt.toISOString()}>{formatDateTime(page.updatedAt, timeZone)}</time>
                </td>
                {showAuthor && <td data-label="Author">{page.author.name}</td>}
              </tr>
            ))}
          </tbody>
        </StackingTable>
      )}
    </>
  );
}
