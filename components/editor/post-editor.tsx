"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import {
  deletePostForeverAction,
  getPostForEditingAction,
  publishPostAction,
  restorePostAction,
  redatePostAction,
  schedulePostAction,
  trashPostAction,
  unpublishPostAction,
  type PostStanding,
} from "@/app/(dashboard)/dashboard/posts/actions";
import { slugify } from "@/lib/slugify";
import { ConflictPanel, type TheirVersion } from "./conflict-panel";
import { FeaturedImageField } from "./featured-image-field";
import { LabelPicker } from "./label-picker";
import { clearLocalCopy, readLocalCopy, type LocalCopy } from "./local-copy";
import { formatClock, sameContent, type PostContent } from "./post-content";
import styles from "./post-editor.module.css";
import { PublishingControls, type Command } from "./publishing-controls";
import { RichTextEditor } from "./rich-text-editor";
import { useAutosave, type SaveState } from "./use-autosave";

export interface EditablePost extends PostContent {
  id: string;
  version: number;
  updatedAt: string;
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
  trash: trashPostAction,
  restore: restorePostAction,
} as const;

/** The post editor: its words, its labels and address, autosaved; and its publishing controls. */
export function PostEditor({ post, timeZone, knownLabels }: Props) {
  const router = useRouter();
  const stored: PostContent = { title: post.title, slug: post.slug, excerpt: post.excerpt, labels: post.labels, bodyHtml: post.bodyHtml, featuredImageId: post.featuredImageId };
  const [content, setContent] = useState(stored);
  const [slugEdited, setSlugEdited] = useState(post.slug !== slugify(post.title));
  const [standing, setStanding] = useState(post.standing);
  const [offer, setOffer] = useState<LocalCopy | null>(null);
  const [theirs, setTheirs] = useState<TheirVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const autosave = useAutosave({
    postId: post.id,
    content,
    saved: { content: stored, version: post.version, at: post.updatedAt },
    onSaved: ({ permalink }) => setStanding((current) => ({ ...current, permalink })),
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

  async function runCommand(command: Command, localDateTime?: string) {
    setBusy(true);
    setNotice(null);
    try {
      // What was typed goes first, so the post is published as it stands on screen.
      if (!(await autosave.saveNow())) {
        setNotice({ text: "Save the post first: see the message beside the Save status.", error: true });
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
          ? await (command === "schedule" ? schedulePostAction : redatePostAction)({ ...input, localDateTime: localDateTime ?? "" })
          : await COMMANDS[command](input);
      if (result.ok) {
        autosave.adoptVersion(result.data.version);
        setStanding(result.data);
        setNotice({ text: DONE[command], error: false });
      } else {
        setNotice({ text: Object.values(result.errors ?? {}).flat().join(" ") || result.message || "That did not work.", error: true });
      }
    } catch {
      setNotice({ text: "The server could not be reached; nothing was changed. Try again.", error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.editor}>
      <div className={styles.statusBar}>
        <SaveStatus state={autosave.state} timeZone={timeZone} />
      </div>
      {offer && (
        <div className={styles.offer} role="region" aria-label="Unsaved changes">
          <p>
            Restore your unsaved changes from {formatClock(offer.writtenAt, timeZone, { withDay: true })}?
            {offer.version !== post.version && " They were made to an older version of this post."}
          </p>
          <div className={styles.inline}>
            <button
              type="button"
              onClick={() => {
                setContent(offer.content);
                setSlugEdited(true);
                setOffer(null);
              }}
            >
              Restore
            </button>
            <button
              type="button"
              onClick={() => {
                clearLocalCopy(post.id);
                setOffer(null);
              }}
            >
              Discard
            </button>
          </div>
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
              maxLength={200}
              required
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
          <PublishingControls postId={post.id} standing={standing} timeZone={timeZone} busy={busy} disabled={conflicted} onCommand={(command, when) => void runCommand(command, when)} />
          <p role="status" className={notice?.error ? styles.error : undefined}>
            {notice?.text}
          </p>
          <LabelPicker id="post-labels" labels={content.labels} known={knownLabels} onChange={(labels) => update({ labels })} />
          <FeaturedImageField value={content.featuredImageId ?? null} bodyHtml={content.bodyHtml} onChange={(featuredImageId) => update({ featuredImageId })} />
        </div>
      </div>
    </div>
  );
}

const DONE: Record<Exclude<Command, "delete">, string> = {
  publish: "Published.",
  schedule: "Scheduled.",
  redate: "Date changed: the old address now leads here.",
  unpublish: "Unpublished: the post is a draft again.",
  trash: "Moved to the trash.",
  restore: "Restored from the trash.",
};

function SaveStatus({ state, timeZone }: { state: SaveState; timeZone: string }) {
  const text = {
    saved: state.kind === "saved" ? `Saved ${formatClock(state.at, timeZone)}` : "",
    pending: "Unsaved changes",
    saving: "Saving...",
    retrying: "Not saved: retrying",
    conflict: "Not saved: changed elsewhere",
    failed: state.kind === "failed" ? `Not saved: ${state.message}` : "",
  }[state.kind];
  return (
    <p id="save-status" role="status" className={state.kind === "failed" || state.kind === "conflict" ? styles.error : styles.saveStatus}>
      {text}
    </p>
  );
}

/** The post's address: kept month for a post that has one, this month otherwise (blog time zone). */
function permalinkPreview(standing: PostStanding, slug: string, timeZone: string) {
  if (standing.permalink) return standing.permalink.replace(/[^/]+$/, slug);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(new Date());
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value;
  return `/${part("year")}/${part("month")}/${slug} (when published this month)`;
}
