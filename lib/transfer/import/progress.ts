import "server-only";
import type { ImportProgress } from "./report";

const EVERY_MS = 1000;

/** Counts what an import has read and tells its caller about once a second, not on every record. */
export class ProgressMeter {
  private readonly state: ImportProgress;
  private lastTold = 0;

  constructor(
    totalBytes: number,
    private readonly tell: (progress: ImportProgress) => void = () => {},
  ) {
    this.state = { phase: "reading", bytesRead: 0, totalBytes, posts: 0, pages: 0, comments: 0, images: 0 };
  }

  read(bytes: number): void {
    this.state.bytesRead += bytes;
    this.maybeTell();
  }

  count(kind: "posts" | "pages" | "comments", howMany = 1): void {
    this.state[kind] += howMany;
    this.maybeTell();
  }

  /** Images copied (or found copied before) so far. */
  images(total: number): void {
    this.state.images = total;
  }

  /** Reading is done; what remains is the database's work (comments, replies, redirects). */
  writing(): void {
    this.state.phase = "writing";
    this.tellNow();
  }

  finish(): void {
    this.state.phase = "done";
    this.tellNow();
  }

  private maybeTell() {
    if (Date.now() - this.lastTold >= EVERY_MS) this.tellNow();
  }

  private tellNow() {
    this.lastTold = Date.now();
    this.tell({ ...this.state });
  }
}
