import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/static-pages/static-pages.module.css";
import { PAGE_STATUS_LABELS } from "@/components/static-pages/page-status";
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
        <Link className="button" href="/dashboard/pages/new">
          New page
        </Link>
      </div>
      <p>Pages stand outside the stream of posts (About, Contact) and are linked from the top of every page of the blog once published.</p>
      {pages.length === 0 ? (
        <p>No pages yet.</p>
      ) : (
        <table className={styles.table}>
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
                <td>
                  <Link href={`/dashboard/pages/${encodeURIComponent(page.id)}`}>{page.title}</Link>
                </td>
                <td>/p/{page.slug}</td>
                <td>{PAGE_STATUS_LABELS[page.status]}</td>
                <td>
                  <time dateTime={page.updatedAt.toISOString()}>{formatDateTime(page.updatedAt, timeZone)}</time>
                </td>
                {showAuthor && <td>{page.author.name}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
