import { Browser } from "./browser";
import type { CommentWrite } from "./ledger";
import { borrow, signIn, SIGN_IN_EVERY_MS, withinPace, type Person } from "./people";
import { randomItem } from "./random";
import type { RequestKind } from "./stats";
import { autosave, editComment, postComment, resubmitComment, type WriteContext } from "./writes";

export interface SoakContext extends WriteContext {
  origin: string;
  readers: Person[];
  /** Reader pages served from the page cache (home, posts, an archive month, a label). */
  cachedPaths: string[];
  searchPath: string;
  feedPath: string;
  requestTimeoutMs: number;
}

/** One step of a worker; false when it could not run now (nobody free, or everyone at their limit). */
type Step = (context: SoakContext, visitor: Browser) => Promise<boolean>;

// Comments can be edited for 15 minutes; the soak edits only well inside that.
const EDITABLE_FOR_MS = 10 * 60 * 1000;

async function read(context: SoakContext, browser: Browser, kind: RequestKind, path: string) {
  context.stats.record(kind, path, await browser.request(path));
  return true;
}

/** With a reader borrowed for its duration (signed in, unless `signedOut` too will do); false when none is free. */
async function asReader(
  context: SoakContext,
  usable: (person: Person) => boolean,
  work: (person: Person) => Promise<void>,
  { signedOut = false } = {},
): Promise<boolean> {
  const person = borrow(context.readers, (candidate) => (signedOut || candidate.signedIn) && usable(candidate));
  if (!person) return false;
  try {
    await work(person);
  } finally {
    person.busy = false;
  }
  return true;
}

/** An acknowledged comment whose writer is free and passes the test, with the writer borrowed. */
async function withOwnComment(context: SoakContext, usable: (write: CommentWrite) => boolean, work: (write: CommentWrite) => Promise<void>): Promise<boolean> {
  const writes = context.ledger.comments.filter((write) => write.state === "acknowledged" && !write.person.busy && write.person.signedIn && usable(write));
  if (writes.length === 0) return false;
  const write = randomItem(writes)!;
  write.person.busy = true;
  try {
    await work(write);
  } finally {
    write.person.busy = false;
  }
  return true;
}

const readCachedPage: Step = (context, visitor) => read(context, visitor, "GET cached page", randomItem(context.cachedPaths)!);

/** Weights of each step in the mix: mostly cached reads, then uncached reads, then writes and sign-ins. */
const MIX: [number, Step][] = [
  [50, readCachedPage],
  [4, (context, visitor) => read(context, visitor, "GET search", context.searchPath)],
  [4, (context, visitor) => read(context, visitor, "GET feed", context.feedPath)],
  [6, (context) => asReader(context, () => true, async (person) => void (await read(context, person.browser, "GET /api/viewer", `/api/viewer?postId=${randomItem(context.commentedPosts)!.id}`)))],
  [2, (context) => read(context, context.author.browser, "GET dashboard editor", `/dashboard/posts/${randomItem(context.ledger.drafts)!.id}`)],
  [3, (context) => asReader(context, (person) => Date.now() - person.lastSignInAt > SIGN_IN_EVERY_MS, (person) => signIn(person, context.stats), { signedOut: true })],
  [10, (context) => asReader(context, (person) => withinPace(person.commentTimes), (person) => postComment(context, person, "comment"))],
  [7, (context) => asReader(context, (person) => withinPace(person.commentTimes), (person) => postComment(context, person, "reply"))],
  [2, (context) => withOwnComment(context, () => true, (write) => resubmitComment(context, write))],
  [
    4,
    (context) =>
      withOwnComment(
        context,
        (write) => !write.edit && Date.now() - write.acknowledgedAt! < EDITABLE_FOR_MS && withinPace(write.person.editTimes),
        (write) => editComment(context, write),
      ),
  ],
  [8, (context) => withFreeDraft(context)],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [weight]) => sum + weight, 0);

async function withFreeDraft(context: SoakContext): Promise<boolean> {
  const drafts = context.ledger.drafts.filter((draft) => !draft.busy && !draft.uncertain);
  if (drafts.length === 0) return false;
  const draft = randomItem(drafts)!;
  draft.busy = true;
  try {
    await autosave(context, draft);
  } finally {
    draft.busy = false;
  }
  return true;
}

function drawStep(): Step {
  let draw = Math.random() * TOTAL_WEIGHT;
  for (const [weight, step] of MIX) {
    draw -= weight;
    if (draw < 0) return step;
  }
  return readCachedPage;
}

/**
 * `connections` workers, each taking the next step of the mix as soon as its last is answered,
 * until the time is up (a step under way then finishes). A step that cannot run now (everyone it
 * needs is busy or at their limit) becomes a cached read.
 */
export async function runWorkload(context: SoakContext, { connections, durationMs }: { connections: number; durationMs: number }): Promise<void> {
  const stopAt = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      // Signed-out visitors, one per worker, each from an address of its own.
      const visitor = new Browser(context.origin, `10.78.0.${worker + 1}`, context.requestTimeoutMs);
      while (performance.now() < stopAt) {
        if (!(await drawStep()(context, visitor))) await readCachedPage(context, visitor);
      }
    }),
  );
}

/**
 * The author and half the readers sign in before the clock starts, `connections` at a time; the
 * other half arrive during the run (the mix's sign-ins), and everyone signs in again now and then.
 */
export async function signInFirstArrivals(context: SoakContext, connections: number): Promise<Person[]> {
  const arrivals = [context.author, ...context.readers.slice(0, Math.ceil(context.readers.length / 2))];
  const queue = [...arrivals];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let person = queue.shift(); person; person = queue.shift()) await signIn(person, context.stats);
    }),
  );
  return arrivals;
}
