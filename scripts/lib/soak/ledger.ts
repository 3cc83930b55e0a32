import type { Person } from "./people";
import type { SoakDraft } from "./seed";

/**
 * What became of a write, from the client's side: acknowledged (the server said it was saved),
 * refused with a reason, refused for a rate limit, a 5xx, or no answer at all (after retrying the
 * same submission), in which case it may or may not have landed.
 */
export type WriteState = "acknowledged" | "refused" | "rate-limited" | "server error" | "no answer";

export interface CommentWrite {
  kind: "comment" | "reply";
  marker: string;
  person: Person;
  state: WriteState;
  /** The id the acknowledgement named (`#c<id>`). */
  commentId?: string;
  refusal?: string;
  /** The exact submission, for sending the same form again. */
  form: FormData;
  path: string;
  acknowledgedAt?: number;
  edit?: EditWrite;
}

export interface EditWrite {
  marker: string;
  state: WriteState;
  refusal?: string;
}

export interface DraftLedger extends SoakDraft {
  startVersion: number;
  busy: boolean;
  acknowledgedSaves: number;
  /** Marker of the last acknowledged save: the draft must end with its text. */
  lastMarker?: string;
  /** A save went unanswered and the next one found the version moved: no longer countable. */
  uncertain: boolean;
  /** Saves refused other than for a conflict, by the code the action answered. */
  refusals: string[];
}

/** Every write the soak made and what the server answered, for counting against the database at the end. */
export class Ledger {
  readonly comments: CommentWrite[] = [];
  readonly drafts: DraftLedger[];
  /** Answers that contradict the rules outright (a resubmission naming another comment, a save skipping a version). */
  readonly anomalies: string[] = [];
  private markers = 0;

  constructor(drafts: SoakDraft[]) {
    this.drafts = drafts.map((draft) => ({ ...draft, startVersion: draft.version, busy: false, acknowledgedSaves: 0, uncertain: false, refusals: [] }));
  }

  /** A unique word for one write's text, found again in the database afterwards. */
  nextMarker(kind: "c" | "r" | "e" | "a"): string {
    this.markers += 1;
    return `soakmark-${kind}-${this.markers}`;
  }

  anomaly(description: string): void {
    if (this.anomalies.length < 50) this.anomalies.push(description);
  }
}
