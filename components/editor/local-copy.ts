import type { PostContent } from "./post-content";

/** Unsaved edits kept in the browser until the server has them, with the version they started from. */
export interface LocalCopy {
  version: number;
  writtenAt: string;
  content: PostContent;
}

const key = (postId: string) => `longhand:post-draft:${postId}`;

export function readLocalCopy(postId: string): LocalCopy | null {
  try {
    const stored = window.localStorage.getItem(key(postId));
    return stored ? (JSON.parse(stored) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(postId: string, copy: LocalCopy) {
  try {
    window.localStorage.setItem(key(postId), JSON.stringify(copy));
  } catch {
    // Storage full or refused (private mode): the server copy is still saved by autosave.
  }
}

export function clearLocalCopy(postId: string) {
  try {
    window.localStorage.removeItem(key(postId));
  } catch {
    // Nothing to clear.
  }
}
