import type { ActionResult } from "@/lib/action-state";
import { noticeClass } from "@/components/ui/notice";
import styles from "./dashboard-list.module.css";

/** The outcome of a dashboard action, announced to screen readers; nothing before the first one. */
export function ResultMessage({ result }: { result: Pick<ActionResult<unknown>, "ok" | "message"> | null }) {
  const text = result?.message ?? (result?.ok ? "Saved." : undefined);
  return (
    <p role="status" className={text ? `${styles.message} ${noticeClass(result?.ok ? "success" : "error")}` : styles.message}>
      {text}
    </p>
  );
}
