import type { Metadata } from "next";
import { ImportJobStatus } from "@/components/dashboard/import/import-job-status";
import { ImportUploadForm } from "@/components/dashboard/import/import-upload-form";
import styles from "@/components/dashboard/import/import.module.css";
import listStyles from "@/components/dashboard/dashboard-list.module.css";
import { buttonClass } from "@/components/ui/button";
import { StackingTable } from "@/components/ui/table";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { formatDateTime } from "@/lib/dates";
import { getBlogSettings } from "@/lib/settings";
import { latestImportJobs } from "@/lib/transfer/import/jobs";
import { MAX_IMPORT_BYTES } from "@/lib/transfer/import/upload-file";

export const metadata: Metadata = { title: "Import & export · Dashboard", robots: { index: false } };

const EARLIER_SHOWN = 10;
const STATUS_NAMES = { QUEUED: "Waiting", RUNNING: "Running", SUCCEEDED: "Finished", FAILED: "Failed" } as const;

const EXPORTS = [
  { format: "atom", label: "Atom (Blogger format)" },
  { format: "wxr", label: "WordPress (WXR)" },
  { format: "json", label: "JSON (complete backup)" },
];

export default async function ImportPage() {
  await requireDashboardPage("/dashboard/import", { adminOnly: true });
  const [[latest, ...earlier], { timeZone }] = await Promise.all([latestImportJobs(EARLIER_SHOWN + 1), getBlogSettings()]);
  return (
    <>
      <h1>Import & export</h1>
      <section className={styles.section} aria-labelledby="import-heading">
        <h2 id="import-heading">Import a blog</h2>
        <ImportUploadForm maxBytes={MAX_IMPORT_BYTES} />
      </section>
      <section className={styles.section} aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest import</h2>
        {latest ? <ImportJobStatus key={latest.id} initial={latest} /> : <p className={listStyles.empty}>Nothing has been imported yet.</p>}
      </section>
      {earlier.length > 0 && (
        <section className={styles.section} aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Earlier imports</h2>
          <StackingTable className={styles.table} caption={`The ${EARLIER_SHOWN} imports before the latest, most recent first`}>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">File</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((job) => (
                <tr key={job.id}>
                  <td data-label="Started">{formatDateTime(new Date(job.createdAt), timeZone)}</td>
                  <td data-label="File" className={styles.fileName}>
                    {job.fileName}
                  </td>
                  <td data-label="Status">{job.status === "FAILED" ? `Failed: ${job.error}` : STATUS_NAMES[job.status]}</td>
                </tr>
              ))}
            </tbody>
          </StackingTable>
        </section>
      )}
      <section className={styles.section} aria-labelledby="export-heading">
        <h2 id="export-heading">Export this blog</h2>
        <p>Everything readers can see and more, as one file to keep or to move to another blog.</p>
        <ul className={styles.downloads}>
          {EXPORTS.map(({ format, label }) => (
            <li key={format}>
              <a className={buttonClass("secondary")} href={`/dashboard/import/export/${format}`} download>
                Download {label}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
