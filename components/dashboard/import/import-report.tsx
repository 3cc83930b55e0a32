import type { ImportedFormat, ImportReport, ReportedKind } from "@/lib/transfer/import/report";
import { StackingTable } from "@/components/ui/table";
import styles from "./import.module.css";

const FORMAT_NAMES: Record<ImportedFormat, string> = {
  blogger: "Blogger export (classic)",
  "blogger-takeout": "Blogger export (Takeout)",
  wxr: "WordPress export (WXR)",
  "longhand-json": "Longhand JSON export",
};

const KIND_NAMES: Record<ReportedKind, string> = {
  posts: "Posts",
  pages: "Pages",
  comments: "Comments",
  subscriptions: "Comment subscriptions",
  labels: "Labels",
  authors: "Authors",
  redirects: "Old addresses (redirects)",
  images: "Images",
};

const OUTCOMES = ["created", "updated", "unchanged", "skipped"] as const;
const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** What a finished import did: per kind counts, settings changed, and what was skipped or altered and why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  // A report kept from before a kind existed has no counts for it.
  const kinds = (Object.keys(KIND_NAMES) as ReportedKind[]).filter((kind) => kind in report.counts);
  return (
    <>
      <p>
        Format: {FORMAT_NAMES[report.format]}. {report.unchanged ? "Nothing changed: this file was already imported." : "The blog now shows what was imported."}
      </p>
      <StackingTable className={styles.table} caption="What the import did">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            {OUTCOMES.map((outcome) => (
              <th scope="col" key={outcome}>
                {capitalised(outcome)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{KIND_NAMES[kind]}</th>
              {OUTCOMES.map((outcome) => (
                <td key={outcome} className={styles.number} data-label={capitalised(outcome)}>
                  {report.counts[kind][outcome]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </StackingTable>
      <p>{report.settingsChanged.length > 0 ? `Settings changed: ${report.settingsChanged.join(", ")}.` : "No settings changed."}</p>
      {report.items.length > 0 && (
        <>
          <h3>Skipped or changed on the way</h3>
          <ul className={styles.items}>
            {report.items.map((item, index) => (
              <li key={index}>
                {item.what}: {item.why}
              </li>
            ))}
          </ul>
          {report.moreItems > 0 && <p>And {report.moreItems} more, not listed.</p>}
        </>
      )}
    </>
  );
}
