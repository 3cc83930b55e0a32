import styles from "./ui.module.css";

/** A message in the flow of a page: errors are announced at once (alert), the rest politely (status). */
export function Notice({ tone = "info", children }: { tone?: "info" | "success" | "warning" | "error"; children: React.ReactNode }) {
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`${styles.notice} ${styles[tone]}`}>
      {children}
    </p>
  );
}
