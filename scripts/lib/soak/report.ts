import { alignedTable, count } from "../bench/numbers";
import type { Ledger } from "./ledger";
import type { RequestStats } from "./stats";
import type { WriteCheck } from "./verify";

const WRITE_STATES = ["acknowledged", "rate-limited", "refused", "server error", "no answer"] as const;

/** The writes as the client saw them: one row per kind, one column per outcome. */
export function formatWrites(check: WriteCheck): string {
  const rows = Object.entries(check.sent).map(([kind, states]) => [kind, ...WRITE_STATES.map((state) => count(states[state] ?? 0))]);
  return alignedTable(["write", ...WRITE_STATES], rows, 1);
}

/** The exactly-once check and the verdict; `failed` lists what makes the run fail. */
export function formatCheck(check: WriteCheck, stats: RequestStats, ledger: Ledger): { text: string; failed: string[] } {
  const list = (items: string[]) => items.slice(0, 10).map((item) => `    ${item}`);
  const lines = [
    "Exactly once (counted in the database afterwards):",
    `  acknowledged writes stored exactly once, where acknowledged: ${count(check.exactlyOnce)}`,
    `  lost (acknowledged, not stored as acknowledged): ${check.lost.length}`,
    ...list(check.lost),
    `  doubled (stored more than once): ${check.doubled.length}`,
    ...list(check.doubled),
    `  stored without an acknowledgement: ${check.unacknowledged.length}`,
    ...list(check.unacknowledged),
    `  no answer even after retrying the same submission: ${check.unansweredLanded} landed, ${check.unansweredNotLanded} did not (either is allowed)`,
    "  autosaves (one writer per draft; final text = last acknowledged save, version advanced by the acknowledged saves):",
    ...list(check.drafts),
    ...list(check.draftProblems.map((problem) => `PROBLEM ${problem}`)),
  ];
  if (ledger.anomalies.length) lines.push(`  answers that break the rules: ${ledger.anomalies.length}`, ...list(ledger.anomalies));
  const failed = [
    stats.serverErrors > 0 && `${stats.serverErrors} 5xx answers`,
    stats.noAnswers > 0 && `${stats.noAnswers} requests unanswered within the timeout`,
    check.lost.length > 0 && `${check.lost.length} lost writes`,
    check.doubled.length > 0 && `${check.doubled.length} doubled writes`,
    check.unacknowledged.length > 0 && `${check.unacknowledged.length} writes stored without an acknowledgement`,
    check.draftProblems.length > 0 && `${check.draftProblems.length} drafts not as last saved`,
    ledger.anomalies.length > 0 && `${ledger.anomalies.length} answers that break the rules`,
  ].filter((reason): reason is string => typeof reason === "string");
  return { text: lines.join("\n"), failed };
}
