"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { FigureImage, type FigureImageAttributes } from "./figure-image";
import { ImageDialog } from "./image-insert";
import { LinkDialog, type LinkChoice } from "./link-dialog";
import styles from "./rich-text-editor.module.css";

export interface RichTextEditorProps {
  /** Prefix for the ids of the editor's parts; unique on the page. */
  id: string;
  /** The visible name of the field ("Body"). */
  label: string;
  /** The HTML, controlled: the editor shows it and reports every change through onChange. */
  value: string;
  onChange: (html: string) => void;
}

type OpenDialog = { kind: "image"; image?: FigureImageAttributes } | { kind: "link"; initial: LinkChoice; existing: boolean } | null;

/**
 * The rich-text field for post and page bodies: TipTap with headings, emphasis, lists, quotes,
 * code, links and images (each added through a dialog), Markdown-style shortcuts while typing,
 * and an HTML source view.
 */
export function RichTextEditor({ id, label, value, onChange }: RichTextEditorProps) {
  const [showSource, setShowSource] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const labelId = `${id}-label`;
  const editor = useEditor({
    extensions: [
      // Links open in the same tab unless the author asks otherwise in the link dialog.
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null } } }),
      FigureImage,
    ],
    content: value,
    // Rendered on the server too: the editor mounts in the browser only.
    immediatelyRender: false,
    editorProps: { attributes: { id: `${id}-content`, role: "textbox", "aria-multiline": "true", "aria-labelledby": labelId, class: styles.content ?? "" } },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? "" : current.getHTML()),
  });

  // A value from outside (a restored copy, the other tab's version) replaces what is shown.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const shown = editor.isEmpty ? "" : editor.getHTML();
    if (shown !== value) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  function openImage(current: Editor) {
    setDialog({ kind: "image", image: current.isActive("image") ? (current.getAttributes("image") as FigureImageAttributes) : undefined });
  }

  // The dialog goes first (its focus returns to the toolbar), then the editor takes the focus
  // back at once (TipTap's own focus waits a frame, and a key typed meanwhile would be lost).
  function closeDialogThen(current: Editor, change: () => void) {
    flushSync(() => setDialog(null));
    current.view.focus();
    change();
  }

  function openLink(current: Editor) {
    current.commands.extendMarkRange("link");
    const { from, to } = current.state.selection;
    const attributes = current.getAttributes("link");
    const href = typeof attributes.href === "string" ? attributes.href : "";
    setDialog({ kind: "link", existing: href !== "", initial: { href, text: current.state.doc.textBetween(from, to, " "), newTab: attributes.target === "_blank" } });
  }

  return (
    <div className={styles.field}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      <Toolbar
        editor={editor}
        // The editable area exists only once TipTap has mounted (never in the server's HTML).
        controls={showSource ? `${id}-source` : editor ? `${id}-content` : undefined}
        label={label}
        showSource={showSource}
        onToggleSource={() => setShowSource((shown) => !shown)}
        onImage={openImage}
        onLink={openLink}
      />
      <div hidden={showSource}>
        <EditorContent editor={editor} />
      </div>
      {showSource && (
        <>
          <label htmlFor={`${id}-source`} className={styles.sourceLabel}>
            {label} (HTML source)
          </label>
          <textarea id={`${id}-source`} className={styles.source} value={value} onChange={(event) => onChange(event.target.value)} rows={18} spellCheck={false} />
        </>
      )}
      {editor && dialog?.kind === "image" && (
        <ImageDialog
          id={`${id}-image`}
          image={dialog.image}
          onClose={() => setDialog(null)}
          onDone={(image) =>
            closeDialogThen(editor, () => {
              if (dialog.image) editor.chain().focus().updateAttributes("image", image).run();
              else editor.chain().focus().insertFigureImage(image).run();
            })
          }
        />
      )}
      {editor && dialog?.kind === "link" && (
        <LinkDialog
          id={`${id}-link`}
          initial={dialog.initial}
          existing={dialog.existing}
          onClose={() => setDialog(null)}
          onRemove={() => closeDialogThen(editor, () => editor.chain().focus().extendMarkRange("link").unsetLink().run())}
          onDone={(link) => closeDialogThen(editor, () => applyLink(editor, link, dialog.initial.text))}
        />
      )}
    </div>
  );
}

function applyLink(editor: Editor, { href, text, newTab }: LinkChoice, selectedText: string) {
  const attributes = { href, target: newTab ? "_blank" : null, rel: newTab ? "noopener noreferrer" : null };
  // Unchanged words keep their other marks (bold, italic); new words replace the selection, and
  // what is typed after them is not part of the link.
  if (text === selectedText) editor.chain().focus().setLink(attributes).run();
  else editor.chain().focus().insertContent({ type: "text", text, marks: [{ type: "link", attrs: attributes }] }).unsetMark("link").run();
}

const MARKS = [
  { name: "Bold", active: (editor: Editor) => editor.isActive("bold"), run: (editor: Editor) => editor.chain().focus().toggleBold().run() },
  { name: "Italic", active: (editor: Editor) => editor.isActive("italic"), run: (editor: Editor) => editor.chain().focus().toggleItalic().run() },
  { name: "Heading 2", active: (editor: Editor) => editor.isActive("heading", { level: 2 }), run: (editor: Editor) => editor.chain().focus().toggleHeading({ level: 2 }).run() },
  { name: "Heading 3", active: (editor: Editor) => editor.isActive("heading", { level: 3 }), run: (editor: Editor) => editor.chain().focus().toggleHeading({ level: 3 }).run() },
  { name: "Bulleted list", active: (editor: Editor) => editor.isActive("bulletList"), run: (editor: Editor) => editor.chain().focus().toggleBulletList().run() },
  { name: "Numbered list", active: (editor: Editor) => editor.isActive("orderedList"), run: (editor: Editor) => editor.chain().focus().toggleOrderedList().run() },
  { name: "Quote", active: (editor: Editor) => editor.isActive("blockquote"), run: (editor: Editor) => editor.chain().focus().toggleBlockquote().run() },
  { name: "Code", active: (editor: Editor) => editor.isActive("code"), run: (editor: Editor) => editor.chain().focus().toggleCode().run() },
  { name: "Code block", active: (editor: Editor) => editor.isActive("codeBlock"), run: (editor: Editor) => editor.chain().focus().toggleCodeBlock().run() },
] as const;

interface ToolbarProps {
  editor: Editor | null;
  controls: string | undefined;
  label: string;
  showSource: boolean;
  onToggleSource: () => void;
  onImage: (editor: Editor) => void;
  onLink: (editor: Editor) => void;
}

function Toolbar({ editor, controls, label, showSource, onToggleSource, onImage, onLink }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      marks: MARKS.map((mark) => (current ? mark.active(current) : false)),
      link: current?.isActive("link") ?? false,
      image: current?.isActive("image") ?? false,
    }),
  });
  const disabled = !editor || showSource;
  return (
    <div role="toolbar" aria-label={`${label} formatting`} aria-controls={controls} className={styles.toolbar}>
      {MARKS.map((mark, index) => (
        <button key={mark.name} type="button" className={styles.tool} aria-pressed={state?.marks[index] ?? false} disabled={disabled} onClick={() => editor && mark.run(editor)}>
          {mark.name}
        </button>
      ))}
      <button type="button" className={styles.tool} aria-haspopup="dialog" aria-pressed={state?.link ?? false} disabled={disabled} onClick={() => editor && onLink(editor)}>
        Link
      </button>
      <button type="button" className={styles.tool} aria-haspopup="dialog" disabled={disabled} onClick={() => editor && onImage(editor)}>
        {state?.image ? "Edit image" : "Image"}
      </button>
      <button type="button" className={styles.tool} aria-pressed={showSource} onClick={onToggleSource}>
        HTML
      </button>
    </div>
  );
}
