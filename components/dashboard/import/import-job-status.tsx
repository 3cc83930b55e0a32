"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import type { ImportJobView } from "@/lib/transfer/import/jobs";
import type { ImportProgress } from "@/lib/transfer/import/report";
import { noticeClass } from "@/components/ui/notice";
import { ImportReportView } from "./import-report";
import styles from "./import.module.css";

const POLL_EVERY_MS = 1000;
const isActive = (job: ImportJobView) => job.status === "QUEUED" || job.status === "RUNNING";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function progressSentence(progress: ImportProgress | null): string {
  if (!progress) return "Waiting to start…";
  const counts = [plural(progress.posts, "post", "posts"), plural(progress.pages, "page", "pages"), plural(progress.comments, "comment", "comments"), plural(progress.images, "image", "images")];
  const stage = progress.phase === "writing" ? "Saving" : "Reading";
  return `${stage}: ${megabytes(progress.bytesRead)} of ${megabytes(progress.totalBytes)} read; ${counts.slice(0, -1).join(", ")} and ${counts.at(-1)} so far.`;
}

/**
 * The latest import: while it runs, a progress bar with counts, asking /api/imports/<id> every
 * second (the row is the state, so a reload picks up where it was); then its report or failure.
 * Give it `key={job.id}`: a new import starts afresh.
 */
export function ImportJobStatus({ initial }: { initial: ImportJobView }) {
  const router = useRouter();
  const id = useId();
  const [job, setJob] = useState(initial);
  const active = isActive(job);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/imports/${job.id}`, { cache: "no-store" }).catch(() => null);
      if (stopped || !response?.ok) return;
      const latest = (await response.json()) as ImportJobView;
      if (stopped) return;
      setJob(latest);
      // The earlier imports and the navigation come from the server: fetch them again once it ends.
      if (!isActive(latest)) router.refresh();
    }, POLL_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, job.id, router]);

  const progress = job.progress;
  return (
    <div aria-labelledby={`${id}-heading`} role="region">
      <h3 id={`${id}-heading`}>{job.fileName}</h3>
      {active && (
        <>
          <label htmlFor={`${id}-bar`}>Import progress</label>
          <progress id={`${id}-bar`} className={styles.progress} max={progress?.totalBytes || job.byteSize} value={progress?.bytesRead ?? 0} />
        </>
      )}
      <div aria-live="polite">
        {active && (
          <p>
            {progressSentence(progress)} <Link href="/dashboard/import">Check again</Link>
          </p>
        )}
        {job.status === "FAILED" && <p className={noticeClass("error")}>Import failed: {job.error}</p>}
        {job.status === "SUCCEEDED" && <p className={noticeClass("success")}>Import finished.</p>}
      </div>
      {job.status === "SUCCEEDED" && job.report && <ImportReportView report={job.report} />}
    </div>
  );
}
