import type { Metadata } from "next";
import Link from "next/link";
import { PageForm } from "@/components/static-pages/page-form";
import styles from "@/components/static-pages/static-pages.module.css";
import { requireDashboardPage } from "@/lib/dashboard/access";

export const metadata: Metadata = { title: "New page", robots: { index: false } };

export default async function NewPagePage() {
  await requireDashboardPage("/dashboard/pages/new");
  return (
    <>
      <p className={styles.back}>
        <Link href="/dashboard/pages">All pages</Link>
      </p>
      <h1>New page</h1>
      <p>A new page is a draft: readers see it once you publish it.</p>
      <PageForm />
    </>
  );
}
