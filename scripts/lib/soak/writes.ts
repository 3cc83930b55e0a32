import { answered, type Outcome } from "./browser";
import { filledIn, formsIn, postPath } from "./forms";
import type { CommentWrite, DraftLedger, EditWrite, Ledger, WriteState } from "./ledger";
import type { Person } from "./people";
import { randomItem } from "./random";
import { callServerAction, type ActionOutcome } from "./server-actions";
import type { RequestKind, RequestStats } from "./stats";

export interface WriteContext {
  stats: RequestStats;
  ledger: Ledger;
  commentedPosts: { id: string; permalink: string }[];
  author: Person;
  actionIds: { editComment: string; savePost: string };
}

type Verdict = { state: WriteState; commentId?: string; refusal?: string };

// A submission that got no answer is sent again as it was, as a person would press the button
// again: the server must not store it twice.
const RETRIES_AFTER_NO_ANSWER = 2;

/**
 * A new comment or a reply, as a browser without JavaScript sends it: the post page, its form's
 * fields as they stand in the HTML (React's `$ACTION_…` inputs, the form key), the text filled in.
 */
export async function postComment(context: WriteContext, person: Person, kind: "comment" | "reply"): Promise<void> {
  const post = randomItem(context.commentedPosts)!;
  const page = await person.browser.request(post.permalink);
  context.stats.record("GET post page to write on", post.permalink, page);
  if (!answered(page) || page.status !== 200) return;
  const forms = formsIn(page.text);
  const form = kind === "comment" ? forms.find((candidate) => candidate.id === "comment-form") : randomItem(forms.filter((candidate) => candidate.id.startsWith("reply-form-")));
  if (!form) return context.ledger.anomaly(`${post.permalink} showed no ${kind} form`);
  const marker = context.ledger.nextMarker(kind === "comment" ? "c" : "r");
  const write: CommentWrite = {
    kind,
    marker,
    person,
    state: "no answer",
    form: filledIn(form, { body: `Soak ${kind} ${marker} from ${person.account.id}.` }),
    path: postPath(form, post.permalink),
  };
  context.ledger.comments.push(write);
  person.commentTimes.push(Date.now());
  for (let attempt = 0; attempt <= RETRIES_AFTER_NO_ANSWER; attempt += 1) {
    const outcome = await person.browser.request(write.path, { method: "POST", body: write.form });
    const verdict = commentVerdict(outcome);
    recordWrite(context.stats, attempt === 0 ? (kind === "comment" ? "POST comment" : "POST reply") : "POST retry after no answer", write.path, outcome, verdict);
    Object.assign(write, verdict);
    if (verdict.state === "acknowledged") write.acknowledgedAt = Date.now();
    if (verdict.state !== "no answer") return;
  }
}

/** The same form sent again (a double click, a reload that resubmits): it must name the comment already made. */
export async function resubmitComment(context: WriteContext, write: CommentWrite): Promise<void> {
  const outcome = await write.person.browser.request(write.path, { method: "POST", body: write.form });
  const verdict = commentVerdict(outcome);
  recordWrite(context.stats, "POST same comment again", write.path, outcome, verdict);
  if (verdict.state === "acknowledged" && verdict.commentId !== write.commentId) {
    context.ledger.anomaly(`${write.marker} sent again was acknowledged as c${verdict.commentId}, not c${write.commentId}`);
  }
}

/**
 * The writer's edit of their own comment. The edit form exists only in script (it renders from
 * the per-reader part), so this calls the action as that script does.
 */
export async function editComment(context: WriteContext, write: CommentWrite): Promise<void> {
  const marker = context.ledger.nextMarker("e");
  const edit: EditWrite = { marker, state: "no answer" };
  write.edit = edit;
  const form = new FormData();
  form.append("commentId", write.commentId!);
  form.append("body", `Soak edit ${marker} by ${write.person.account.id}.`);
  write.person.editTimes.push(Date.now());
  for (let attempt = 0; attempt <= RETRIES_AFTER_NO_ANSWER; attempt += 1) {
    const outcome = await callServerAction(write.person.browser, write.path, context.actionIds.editComment, [{ ok: false }, form]);
    const verdict = editVerdict(outcome);
    recordWrite(context.stats, attempt === 0 ? "action: edit comment" : "POST retry after no answer", write.path, outcome, verdict);
    Object.assign(edit, verdict);
    if (verdict.state !== "no answer") return;
  }
}

interface SaveResult {
  ok: boolean;
  code?: string;
  message?: string;
  data?: { version: number };
}

/**
 * One autosave of a draft, as the editor's script sends it: the whole content and the version it
 * started from. One writer at a time per draft, so every save's version is known.
 */
export async function autosave(context: WriteContext, draft: DraftLedger): Promise<void> {
  const marker = context.ledger.nextMarker("a");
  const editorPath = `/dashboard/posts/${draft.id}`;
  // One id for the save and its retries, as the editor sends it: a retry of a save that landed is acknowledged once.
  const content = { saveId: crypto.randomUUID(), title: `Soak draft ${draft.id}`, slug: draft.id, excerpt: "", bodyHtml: `<p>Autosave ${marker}.</p>`, labels: [], featuredImageId: "" };
  let unanswered = false;
  for (let attempt = 0; attempt <= RETRIES_AFTER_NO_ANSWER; attempt += 1) {
    const outcome = await callServerAction(context.author.browser, editorPath, context.actionIds.savePost, [
      { postId: draft.id, expectedVersion: draft.version, ...content },
    ]);
    const result = outcome.result as SaveResult | undefined;
    const verdict = saveVerdict(outcome, result);
    recordWrite(context.stats, attempt === 0 ? "action: autosave" : "POST retry after no answer", editorPath, outcome, verdict);
    if (verdict.state === "no answer") {
      unanswered = true;
      continue;
    }
    if (verdict.state === "acknowledged") {
      if (result!.data?.version !== draft.version + 1) context.ledger.anomaly(`${draft.id}: a save over version ${draft.version} answered version ${result!.data?.version}`);
      draft.version = result!.data?.version ?? draft.version + 1;
      draft.acknowledgedSaves += 1;
      draft.lastMarker = marker;
    } else if (result?.code === "CONFLICT") {
      // After an unanswered save, a conflict means that save landed: from here the draft's count is unknown.
      if (unanswered) draft.uncertain = true;
      else context.ledger.anomaly(`${draft.id}: a save over version ${draft.version}, the last acknowledged, was refused as a conflict`);
    } else {
      draft.refusals.push(verdict.refusal ?? verdict.state);
    }
    return;
  }
  draft.uncertain = true;
}

function commentVerdict(outcome: Outcome): Verdict {
  if (!answered(outcome)) return { state: "no answer" };
  if (outcome.status >= 500) return { state: "server error" };
  const location = outcome.headers.get("location") ?? "";
  const commentId = location.endsWith("#comments") ? undefined : /#c([a-z0-9]+)$/i.exec(location)?.[1];
  if (outcome.status === 303 && commentId) return { state: "acknowledged", commentId };
  const reason = /#comment-not-posted-([a-z-]+)$/.exec(location)?.[1];
  if (reason === "rate-limited") return { state: "rate-limited", refusal: reason };
  return { state: "refused", refusal: reason ?? `${outcome.status} ${location}`.trim() };
}

function saveVerdict(outcome: ActionOutcome, result: SaveResult | undefined): Verdict {
  if (!answered(outcome)) return { state: "no answer" };
  if (outcome.status >= 500) return { state: "server error" };
  if (result?.ok) return { state: "acknowledged" };
  return { state: "refused", refusal: result?.code ?? `${outcome.status} without a result` };
}

function editVerdict(outcome: ActionOutcome): Verdict {
  if (!answered(outcome)) return { state: "no answer" };
  if (outcome.status >= 500) return { state: "server error" };
  const result = outcome.result as { ok?: boolean; message?: string } | undefined;
  if (result?.ok) return { state: "acknowledged" };
  if (result?.message?.includes("too fast")) return { state: "rate-limited", refusal: result.message };
  return { state: "refused", refusal: result?.message ?? `${outcome.status} without a result` };
}

function recordWrite(stats: RequestStats, kind: RequestKind, path: string, outcome: Outcome, verdict: Verdict) {
  stats.record(kind, path, outcome, { rateLimited: verdict.state === "rate-limited" });
}
