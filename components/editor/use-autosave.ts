"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { savePostAction } from "@/lib/actions/dashboard/posts";
import { POST_TOO_LARGE, postBodyTooLarge } from "@/lib/validation/posts";
import { clearLocalCopy, writeLocalCopy } from "./local-copy";
import { sameContent, type PostContent } from "./post-content";
import { newSaveId } from "./save-id";

export const AUTOSAVE_DELAY_MS = 2000;
const MAX_RETRY_DELAY_MS = 30_000;

export type SaveState =
  | { kind: "saved"; at: string }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "retrying" }
  | { kind: "conflict" }
  | { kind: "failed"; message: string };

interface Options {
  postId: string;
  content: PostContent;
  saved: { content: PostContent; version: number; at: string };
  onSaved?: (result: { permalink: string | null; pending: boolean; savedAt: string }) => void;
}

/**
 * Saves the editor's content a moment after typing stops and when the page is hidden, naming the
 * version it started from. A refused version stops autosave (a conflict to resolve); network or
 * server failures retry with growing waits, except a post too large to send, which no retry
 * mends. The local copy in the browser lasts until a save lands.
 */
export function useAutosave({ postId, content, saved, onSaved }: Options) {
  const [state, setState] = useState<SaveState>({ kind: "saved", at: saved.at });
  const version = useRef(saved.version);
  const serverContent = useRef(saved.content);
  const latest = useRef(content);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retries = useRef(0);
  const conflict = useRef(false);
  // The save last sent without a clear answer: sent again unchanged, it keeps its id, so if it had
  // landed (the answer was lost after COMMIT) the server answers it as saved, not as a conflict.
  const unanswered = useRef<{ saveId: string; version: number; content: PostContent } | null>(null);
  const onSavedRef = useRef(onSaved);
  // A save may plan the next one (a retry, or edits made meanwhile), so it reaches itself by ref.
  const saveRef = useRef<() => Promise<boolean>>(async () => false);
  const scheduleSave = useCallback((delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });

  const saveNow = useCallback(async ({ force = false } = {}): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (conflict.current) return false;
    const snapshot = latest.current;
    if (!force && sameContent(snapshot, serverContent.current)) return true;
    setState({ kind: "saving" });
    const previous = unanswered.current;
    const sent = {
      saveId: previous && previous.version === version.current && sameContent(previous.content, snapshot) ? previous.saveId : newSaveId(),
      version: version.current,
      content: snapshot,
    };
    unanswered.current = sent;
    const attempt = (async () => {
      const result = await savePostAction({ postId, expectedVersion: sent.version, saveId: sent.saveId, ...snapshot }).catch(() => null);
      if (result && (result.ok || result.code !== "ERROR")) unanswered.current = null;
      if (result?.ok) {
        version.current = result.data.version;
        serverContent.current = snapshot;
        retries.current = 0;
        setState({ kind: "saved", at: result.data.savedAt });
        onSavedRef.current?.({ permalink: result.data.permalink, pending: result.data.pending, savedAt: result.data.savedAt });
        if (sameContent(latest.current, snapshot)) clearLocalCopy(postId);
        else scheduleSave(AUTOSAVE_DELAY_MS);
        return true;
      }
      if (result?.code === "CONFLICT") {
        retries.current = 0;
        conflict.current = true;
        setState({ kind: "conflict" });
      } else if (!result && postBodyTooLarge(snapshot.bodyHtml)) {
        // The server refused the body unread (413): it stays refused until the author shortens it.
        retries.current = 0;
        setState({ kind: "failed", message: POST_TOO_LARGE });
      } else if (!result || result.code === "ERROR") {
        // The network or the server failed: the same save (same id) is safe to repeat.
        setState({ kind: "retrying" });
        const wait = Math.min(MAX_RETRY_DELAY_MS, AUTOSAVE_DELAY_MS * 2 ** retries.current++);
        scheduleSave(wait);
      } else {
        retries.current = 0;
        const details = Object.values(result.errors ?? {}).flat().join(" ");
        setState({ kind: "failed", message: details || result.message || "The post could not be saved." });
      }
      return false;
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [postId, scheduleSave]);
  useEffect(() => {
    saveRef.current = saveNow;
  }, [saveNow]);

  // Every change is kept in the browser at once, and sent once typing pauses.
  useEffect(() => {
    latest.current = content;
    if (conflict.current || sameContent(content, serverContent.current)) return;
    writeLocalCopy(postId, { version: version.current, writtenAt: new Date().toISOString(), content });
    setState((current) => (current.kind === "saving" || current.kind === "retrying" ? current : { kind: "pending" }));
    scheduleSave(AUTOSAVE_DELAY_MS);
  }, [content, postId, scheduleSave]);

  // Leaving the page: a server action cannot go by sendBeacon, so save as the page is hidden.
  useEffect(() => {
    const saveOnLeave = () => {
      if (document.visibilityState === "hidden") void saveNow();
    };
    document.addEventListener("visibilitychange", saveOnLeave);
    window.addEventListener("pagehide", saveOnLeave);
    return () => {
      document.removeEventListener("visibilitychange", saveOnLeave);
      window.removeEventListener("pagehide", saveOnLeave);
      clearTimeout(timer.current);
    };
  }, [saveNow]);

  /** After a status change or a conflict resolved: the server's version is now this. */
  const adoptVersion = useCallback((next: number) => {
    version.current = next;
  }, []);

  /** "Keep mine": save over the version the server has now. */
  const overwrite = useCallback(
    async (serverVersion: number) => {
      version.current = serverVersion;
      conflict.current = false;
      return saveNow({ force: true });
    },
    [saveNow],
  );

  /** After Discard changes: the server holds this content at this version, and nothing is unsaved. */
  const adoptStored = useCallback(
    (content: PostContent, next: number) => {
      clearTimeout(timer.current);
      version.current = next;
      serverContent.current = content;
      latest.current = content;
      clearLocalCopy(postId);
      setState({ kind: "saved", at: new Date().toISOString() });
    },
    [postId],
  );

  /** Whether the last save could not reach the server (or got an error from it) and is retried by itself. */
  const retrying = useCallback(() => retries.current > 0, []);

  /** Whether something typed has not reached the server yet (or is on its way). */
  const hasUnsavedChanges = useCallback(() => inFlight.current !== null || !sameContent(latest.current, serverContent.current), []);

  return { state, version, saveNow, retrying, adoptVersion, adoptStored, overwrite, hasUnsavedChanges };
}
