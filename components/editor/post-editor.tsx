"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import {
  deletePostForeverAction,
  discardChangesAction,
  getPostForEditingAction,
  publishPostAction,
  restorePostAction,
  redatePostAction,
  schedulePostAction,
  setCommentsOpenAction,
  trashPostAction,
  unpublishPostAction,
  updatePostAction,
} from "@/lib/actions/dashboard/posts";
import { COULD_NOT_SAVE } from "@/lib/action-state";
import { zonedParts } from "@/lib/dates";
import type { PostStanding } from "@/lib/posts/editing";
import { Button, ButtonGroup } from "@/components/ui/button";
import { slugify } from "@/lib/slugify";
import { ConflictPanel, type TheirVersion } from "./conflict-panel";
import type { ZonedMoment } from "./date-time-picker";
import { FeaturedImageField } from "./featured-image-field";
import { LabelPicker } from "./label-picker";
import { clearLocalCopy, readLocalCopy, type LocalCopy } from "./local-copy";
import { editorPhase, formatClock, formatDayAndTime, sameContent, type EditorPhase, type PostContent } from "./post-content";
import styles from "./post-editor.module.css";
import { PublishingControls, type Command } from "./publishing-controls";
import { RichTextEditor } from "./rich-text-editor";
import { useAutosave, type SaveState } from "./use-autosave";
import { useLeaveGuard } from "./use-leave-guard";
import { useNow } from "./use-now";

export interface EditablePost extends PostContent {
  id: string;
  version: number;
  updatedAt: string;
  commentsOpen: boolean;
  standing: PostStanding;
}

interface Props {
  post: EditablePost;
  timeZone: string;
  knownLabels: string[];
}

const COMMANDS = {
  publish: publishPostAction,
  unpublish: unpublishPostAction,
  update: updatePostAction,
  discard: discardChangesAction,
  trash: trashPostAction,
  restore: restorePostAction,
} as const;

/** The post editor: its words, its labels and address, autosaved; and its publishing controls. */
export function PostEditor({ post, timeZone, knownLabels }: Props) {
  const router = useRouter();
  const stored: PostContent = { title: post.title, slug: post.slug, excerpt: post.excerpt, labels: post.labels, bodyHtml: post.bodyHtml, featuredImageId: post.featuredImageId };
  const [content, setContent] = useState(stored);
  const [slugEdited, setSlugEdited] = useState(post.slug !== (slugify(post.title) || "untitled"));
  const [standing, setStanding] = useState(post.standing);
  const [offer, setOffer] = useState<LocalCopy | null>(null);
  const [theirs, setTheirs] = useState<TheirVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [commentsOpen, setCommentsOpen] = useState(post.commentsOpen);
  const now = useNow();
  const phase = editorPhase(standing, now);
  const autosave = useAutosave({
    postId: post.id,
    content,
    saved: { content: stored, version: post.version, at: post.updatedAt },
    onSaved: ({ permalink, pending, savedAt }) => setStanding((current) => ({ ...current, permalink, pendingSince: pending ? savedAt : null })),
  });
  useLeaveGuard({
    hasUnsavedChanges: autosave.hasUnsavedChanges,
    flush: autosave.saveNow,
    cannotFlush: ["retrying", "failed", "conflict"].includes(autosave.state.kind),
  });

  // A copy left in this browser by an edit that never reached the server: offer it back.
  useEffect(() => {
    const copy = readLocalCopy(post.id);
    if (!copy) return;
    if (sameContent(copy.content, stored)) clearLocalCopy(post.id);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    else setOffer(copy);
    // Only the content the page was loaded with counts; later saves clear the copy themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post.id]);

  // A refused save: fetch what the server has so the author can compare.
  useEffect(() => {
    if (autosave.state.kind !== "conflict") return;
    void getPostForEditingAction({ postId: post.id }).then((result) => {
      if (result.ok) setTheirs({ ...result.data, updatedAt: result.data.updatedAt.toISOString() });
    });
  }, [autosave.state.kind, post.id]);

  const update = (changes: Partial<PostContent>) => setContent((current) => ({ ...current, ...changes }));
  const conflicted = autosave.state.kind === "conflict";

  async function switchComments(open: boolean) {
    setCommentsOpen(open);
    setNotice(null);
    const result = await setCommentsOpenAction({ postId: post.id, open }).catch(() => null);
    if (result?.ok) setNotice({ text: open ? "Comments are open." : "Comments are closed: readers see the comments so far, and no form.", error: false });
    else {
      setCommentsOpen(!open);
      setNotice({ text: result?.message ?? COULD_NOT_SAVE, error: true });
    }
  }

  async function runCommand(command: Command, moment: ZonedMoment = { day: "", month: "", year: "", time: "" }) {
    setBusy(true);
    setNotice(null);
    try {
      // What was typed goes first, so the post is published as it stands on screen.
      if (!(await autosave.saveNow())) {
        setNotice({ text: autosave.retrying() ? COULD_NOT_SAVE : "Save the post first: see the message beside the Save status.", error: true });
        return;
      }
      const input = { postId: post.id, expectedVersion: autosave.version.current };
      if (command === "delete") {
        const result = await deletePostForeverAction(input);
        if (result.ok) {
          clearLocalCopy(post.id);
          router.push("/dashboard/posts");
        } else setNotice({ text: result.message ?? "The post could not be deleted.", error: true });
        return;
      }
      const result =
        command === "schedule" || command === "redate"
          ? await (command === "schedule" ? schedulePostAction : redatePostAction)({ ...input, ...moment })
          : await COMMANDS[command](input);
      if (result.ok) {
        const { content: storedNow, ...nextStanding } = result.data;
        if (command === "discard") {
          autosave.adoptStored(storedNow, nextStanding.version);
          setContent(storedNow);
        } else autosave.adoptVersion(nextStanding.version);
        setStanding(nextStanding);
        setNotice({ text: DONE[command], error: false });
      } else {
        setNotice({ text: Object.values(result.errors ?? {}).flat().join(" ") || result.message || "That did not work.", error: true });
      }
    } catch {
      // No answer (no network, an error page): what is on screen stays, to be sent again.
      setNotice({ text: COULD_NOT_SAVE, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.editor}>
      <p className={styles.statusLine}>
        <strong id="post-phase">{phaseLine(phase, standing, timeZone)}</strong> · <SaveStatus state={autosave.state} timeZone={timeZone} />
      </p>
      {offer && (
        <div className={styles.offer} role="region" aria-label="Unsaved changes">
          <p>
            Restore your unsaved changes from {formatClock(offer.writtenAt, timeZone, { withDay: true })}?
            {offer.version !== post.version && " They were made to an older version of this post."}
          </p>
          <ButtonGroup>
            <Button
              intent="primary"
              onClick={() => {
                setContent(offer.content);
                setSlugEdited(true);
                setOffer(null);
              }}
            >
              Restore
            </Button>
            <Button
              intent="quiet"
              onClick={() => {
                clearLocalCopy(post.id);
                setOffer(null);
              }}
            >
              Discard
            </Button>
          </ButtonGroup>
        </div>
      )}
      {conflicted && (
        <ConflictPanel
          mine={content}
          theirs={theirs}
          timeZone={timeZone}
          onKeepMine={() => theirs && void autosave.overwrite(theirs.version)}
          onTakeTheirs={() => {
            clearLocalCopy(post.id);
            window.location.reload();
          }}
        />
      )}
      <div className={styles.columns}>
        <div className={styles.fields}>
          <div className={styles.field}>
            <label htmlFor="post-title">Title</label>
            <input
              id="post-title"
              className={styles.title}
              value={content.title}
              placeholder="Title"
              maxLength={200}
              onChange={(event) => update({ title: event.target.value, ...(slugEdited ? {} : { slug: slugify(event.target.value) || "untitled" }) })}
            />
          </div>
          <div className={styles.field}>
            <label htmlFor="post-slug">Slug</label>
            <input
              id="post-slug"
              value={content.slug}
              maxLength={80}
              aria-describedby="post-permalink"
              onChange={(event) => {
                setSlugEdited(true);
                update({ slug: event.target.value });
              }}
            />
            <p id="post-permalink" className={styles.hint}>
              Address: {permalinkPreview(standing, content.slug, timeZone)}
            </p>
          </div>
          <RichTextEditor id="post-body" label="Body" value={content.bodyHtml} onChange={(bodyHtml) => update({ bodyHtml })} />
          <div className={styles.field}>
            <label htmlFor="post-excerpt">Excerpt (optional: shown in lists and search results)</label>
            <textarea id="post-excerpt" value={content.excerpt} maxLength={1000} rows={3} onChange={(event) => update({ excerpt: event.target.value })} />
          </div>
        </div>
        <div className={styles.side}>
          <PublishingControls
            postId={post.id}
            standing={standing}
            phase={phase}
            timeZone={timeZone}
            busy={busy}
            disabled={conflicted}
            onCommand={(command, moment) => void runCommand(command, moment)}
          />
          <p role="status" className={notice?.error ? styles.error : undefined}>
            {notice?.text}
          </p>
          <div className={styles.checkbox}>
            <input id="post-comments-open" type="checkbox" checked={commentsOpen} onChange={(event) => void switchComments(event.target.checked)} />
            <label htmlFor="post-comments-open">Allow comments (applies at once)</label>
          </div>
          <LabelPicker id="post-labels" labels={content.labels} known={knownLabels} onChange={(labels) => update({ labels })} />
          <FeaturedImageField value={content.featuredImageId ?? null} bodyHtml={content.bodyHtml} onChange={(featuredImageId) => update({ featuredImageId })} />
        </div>
      </div>
    </div>
  );
}

const DONE: Record<Exclude<Command, "delete">, string> = {
  publish: "Published.",
  update: "Updated: readers see this version now.",
  discard: "Changes discarded: the editor shows what readers see.",
  schedule: "Scheduled.",
  redate: "Date changed: the old address now leads here.",
  unpublish: "Unpublished: the post is a draft again.",
  trash: "Moved to the trash.",
  restore: "Restored from the trash.",
};

/** "Published · changes not yet live", "Scheduled for 9 Dec 2026, 09:30 · up to date", "Draft". */
function phaseLine(phase: EditorPhase, standing: PostStanding, timeZone: string) {
  if (phase === "trash") return "In the trash";
  if (phase === "draft") return "Draft";
  const label = phase === "published" ? "Published" : `Scheduled for ${formatDayAndTime(standing.publishedAt!, timeZone)}`;
  return `${label} · ${standing.pendingSince ? "changes not yet live" : "up to date"}`;
}

function SaveStatus({ state, timeZone }: { state: SaveState; timeZone: string }) {
  const text = {
    saved: state.kind === "saved" ? `Saved ${formatClock(state.at, timeZone)}` : "",
    pending: "Unsaved changes",
    saving: "Saving...",
    retrying: "Could not save: retrying by itself",
    conflict: "Not saved: changed elsewhere",
    failed: state.kind === "failed" ? `Not saved: ${state.message}` : "",
  }[state.kind];
  return (
    <span id="save-status" role="status" className={state.kind === "failed" || state.kind === "conflict" ? styles.error : undefined}>
      {text}
    </span>
  );
}

/** The post's address: kept month for a post that has one, this month otherwise (blog time zone). */
function permalinkPreview(standing: PostStanding, slug: string, timeZone: string) {
  if (standing.permalink) return standing.permalink.replace(/[^/]+$/, slug);
  const part = zonedParts(new Date(), timeZone, { year: "numeric", month: "2-digit" });
  return `/${part("year")}/${part("month")}/${slug} (when published this month)`;
}
