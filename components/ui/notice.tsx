import styles from "./ui.module.css";

export type NoticeTone = "info" | "success" | "warning" | "error";

/** The look of a notice, for messages that keep their own element (a live region present before its first message). */
export function noticeClass(tone: NoticeTone): string {
  return `${styles.notice} ${styles[tone]}`;
}

/** A message in the flow of a page: errors are announced at once (alert), the rest politely (status). */
export function Notice({ tone = "info", children }: { tone?: NoticeTone; children: React.ReactNode }) {
  return (
    <p role={tone === "error" ? "alert" : "status"} className={noticeClass(tone)}>
      {children}
    </p>
  );
}
