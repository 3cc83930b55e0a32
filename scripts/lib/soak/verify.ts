import pg from "pg";
import type { CommentWrite, Ledger } from "./ledger";

/** The exactly-once check: every write the soak made, counted against what the database holds. */
export interface WriteCheck {
  /** Per kind (comment, reply, edit, autosave): what the client saw. */
  sent: Record<string, Record<string, number>>;
  /** Acknowledged writes stored exactly once, as acknowledged. */
  exactlyOnce: number;
  /** Acknowledged, but not stored (or stored elsewhere than the acknowledgement said). */
  lost: string[];
  /** Stored more than once. */
  doubled: string[];
  /** Stored although the answer was a refusal, or never sent. */
  unacknowledged: string[];
  /** Unanswered writes: how many landed after all, how many not (either is allowed). */
  unansweredLanded: number;
  unansweredNotLanded: number;
  /** Drafts: final text and version against the acknowledged saves. */
  drafts: string[];
  draftProblems: string[];
}

interface StoredComment {
  id: string;
  parentId: string | null;
  userId: string | null;
  marker: string;
}

const MARKER = "soakmark-[a-z]-[0-9]+";

export async function checkWrites(databaseUrl: string, ledger: Ledger): Promise<WriteCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: comments } = await client.query<StoredComment>(
      `SELECT id, "parentId", "userId", substring("bodyHtml" from '${MARKER}') AS marker FROM "Comment" WHERE "bodyHtml" ~ '${MARKER}'`,
    );
    const { rows: drafts } = await client.query<{ id: string; version: number; bodyHtml: string }>(
      `SELECT id, version, "bodyHtml" FROM "Post" WHERE id = ANY($1)`,
      [ledger.drafts.map((draft) => draft.id)],
    );
    const commentCheck = checkComments(ledger, comments);
    const { autosave, ...draftCheck } = checkDrafts(ledger, drafts);
    return { ...commentCheck, ...draftCheck, sent: { ...commentCheck.sent, autosave } };
  } finally {
    await client.end();
  }
}

function checkComments(ledger: Ledger, stored: StoredComment[]) {
  const byMarker = new Map<string, StoredComment[]>();
  for (const row of stored) byMarker.set(row.marker, [...(byMarker.get(row.marker) ?? []), row]);
  const check = { sent: {} as WriteCheck["sent"], exactlyOnce: 0, lost: [] as string[], doubled: [] as string[], unacknowledged: [] as string[], unansweredLanded: 0, unansweredNotLanded: 0 };
  // Listed in this order whatever was sent first.
  for (const kind of ["comment", "reply", "edit"]) check.sent[kind] = {};
  const tally = (kind: string, state: string) => {
    check.sent[kind] ??= {};
    check.sent[kind][state] = (check.sent[kind][state] ?? 0) + 1;
  };
  const accounted = new Set<string>();
  // One write's marker against the rows holding it; `where` is the row the acknowledgement named, if any.
  const checkMarker = (write: CommentWrite, marker: string, state: string, rows: StoredComment[], shouldHold: boolean, where?: (row: StoredComment) => boolean) => {
    accounted.add(marker);
    if (rows.length > 1) return void check.doubled.push(`${marker}: ${rows.length} rows (${rows.map((row) => row.id).join(", ")})`);
    if (state === "acknowledged") {
      // Its text was replaced by an edit since: the edit's own check finds the row by this write's id.
      if (!shouldHold) return void (check.exactlyOnce += 1);
      if (rows.length === 0 || (where && !where(rows[0]!))) return void check.lost.push(`${marker}: acknowledged as c${write.commentId} but ${rows.length ? `found in ${rows[0]!.id}` : "not stored"}`);
      check.exactlyOnce += 1;
    } else if (state === "no answer" || state === "server error") {
      if (rows.length) check.unansweredLanded += 1;
      else check.unansweredNotLanded += 1;
    } else if (rows.length) {
      check.unacknowledged.push(`${marker}: answered "${state}" yet stored as ${rows[0]!.id}`);
    }
  };

  for (const write of ledger.comments) {
    tally(write.kind, write.state);
    const rows = byMarker.get(write.marker) ?? [];
    const edit = write.edit;
    if (edit) tally("edit", edit.state);
    // An acknowledged edit replaced the comment's text (an unanswered one may have): the edit's
    // marker must then be in the row this write was acknowledged as, which the edit's check asks.
    const editLanded = edit && (byMarker.get(edit.marker) ?? []).length > 0;
    const replaced = edit?.state === "acknowledged" || (editLanded && (edit.state === "no answer" || edit.state === "server error"));
    checkMarker(write, write.marker, write.state, rows, !replaced, (row) => row.id === write.commentId && (write.kind === "comment" ? row.parentId === null : row.parentId !== null) && row.userId === write.person.account.id);
    if (edit) checkMarker(write, edit.marker, edit.state, byMarker.get(edit.marker) ?? [], true, (row) => row.id === write.commentId);
  }
  for (const [marker, rows] of byMarker) {
    if (!accounted.has(marker)) check.unacknowledged.push(`${marker}: stored as ${rows.map((row) => row.id).join(", ")} but never sent`);
  }
  return check;
}

function checkDrafts(ledger: Ledger, stored: { id: string; version: number; bodyHtml: string }[]) {
  const drafts: string[] = [];
  const draftProblems: string[] = [];
  for (const draft of ledger.drafts) {
    const row = stored.find((candidate) => candidate.id === draft.id);
    const expectedVersion = draft.startVersion + draft.acknowledgedSaves;
    const summary = `${draft.id}: ${draft.acknowledgedSaves} acknowledged saves, version ${draft.startVersion} -> ${row?.version}`;
    if (draft.uncertain) {
      drafts.push(`${summary} (a save went unanswered: not counted)`);
      continue;
    }
    drafts.push(summary);
    if (!row) draftProblems.push(`${draft.id}: not in the database`);
    else if (row.version !== expectedVersion) draftProblems.push(`${draft.id}: version ${row.version}, expected ${expectedVersion}`);
    else if (draft.lastMarker && !row.bodyHtml.includes(`${draft.lastMarker}.`)) draftProblems.push(`${draft.id}: text is not the last acknowledged save (${draft.lastMarker})`);
  }
  const autosave = {
    acknowledged: ledger.drafts.reduce((sum, draft) => sum + draft.acknowledgedSaves, 0),
    refused: ledger.drafts.reduce((sum, draft) => sum + draft.refusals.length, 0),
  };
  return { drafts, draftProblems, autosave };
}
