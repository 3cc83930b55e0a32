import type { ImportProgress, ImportReport } from "../../lib/transfer/import/report";
import { REPORTED_KINDS } from "../../lib/transfer/import/report";

const FORMAT_NAMES = { blogger: "Blogger (classic export)", "blogger-takeout": "Blogger (Takeout)", wxr: "WordPress (WXR)", "longhand-json": "Longhand (JSON)" };
const number = (value: number) => value.toLocaleString("en-GB");

/** One line, rewritten in place while the import runs. */
export function formatProgress(progress: ImportProgress): string {
  const percent = progress.totalBytes ? Math.floor((progress.bytesRead / progress.totalBytes) * 100) : 100;
  const doing = progress.phase === "writing" ? "writing comments and redirects" : progress.phase === "done" ? "done" : `${percent}% read`;
  return `  ${doing}: ${number(progress.posts)} posts, ${number(progress.pages)} pages, ${number(progress.comments)} comments   `;
}

/** The report as the terminal shows it: a table of counts, then what was skipped or changed on the way, and why. */
export function formatImportReport(report: ImportReport): string {
  const lines = [`Format: ${FORMAT_NAMES[report.format]}. Took ${(report.durationMs / 1000).toFixed(1)} s.`];
  lines.push(report.unchanged ? "Nothing changed: everything in this file was already here." : "Imported.");
  lines.push("", `${"".padEnd(13)} ${"created".padStart(8)} ${"updated".padStart(8)} ${"unchanged".padStart(9)} ${"skipped".padStart(8)}`);
  for (const kind of REPORTED_KINDS) {
    const counts = report.counts[kind];
    if (counts.created + counts.updated + counts.unchanged + counts.skipped === 0) continue;
    lines.push(`${kind.padEnd(13)} ${number(counts.created).padStart(8)} ${number(counts.updated).padStart(8)} ${number(counts.unchanged).padStart(9)} ${number(counts.skipped).padStart(8)}`);
  }
  if (report.settingsChanged.length > 0) lines.push("", `Settings changed: ${report.settingsChanged.join(", ")}.`);
  if (report.items.length > 0) {
    lines.push("", "Notes:");
    for (const item of report.items) lines.push(`  - ${item.kind}: ${item.what}: ${item.why}`);
    if (report.moreItems > 0) lines.push(`  ... and ${number(report.moreItems)} more.`);
  }
  return lines.join("\n");
}
