"use client";

import Image from "@tiptap/extension-image";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useState } from "react";
import { ImageInsert } from "./image-insert";
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

/**
 * The rich-text field for post and page bodies: TipTap with headings, emphasis, lists, quotes,
 * code, links and images, Markdown-style shortcuts while typing, and an HTML source view.
 */
export function RichTextEditor({ id, label, value, onChange }: RichTextEditorProps) {
  const [showSource, setShowSource] = useState(false);
  const labelId = `${id}-label`;
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: { openOnClick: false, autolink: true } }), Image],
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

  return (
    <div className={styles.field}>
      <span id={labelId} className={styles.label}>
        {label}
      </span>
      <Toolbar editor={editor} controls={showSource ? `${id}-source` : `${id}-content`} label={label} showSource={showSource} onToggleSource={() => setShowSource((shown) => !shown)} />
      {editor && !showSource && <ImageInsert id={`${id}-image`} onInsert={(image) => editor.chain().focus().setImage(image).run()} />}
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
    </div>
  );
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
  { name: "Link", active: (editor: Editor) => editor.isActive("link"), run: editLink },
] as const;

function editLink(editor: Editor) {
  const current = (editor.getAttributes("link").href as string | undefined) ?? "https://";
  const href = window.prompt("Link address (leave empty to remove the link)", current);
  if (href === null) return;
  if (href.trim() === "") editor.chain().focus().extendMarkRange("link").unsetLink().run();
  else editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
}

function Toolbar({ editor, controls, label, showSource, onToggleSource }: { editor: Editor | null; controls: string; label: string; showSource: boolean; onToggleSource: () => void }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? MARKS.map((mark) => mark.active(current)) : MARKS.map(() => false)),
  });
  return (
    <div role="toolbar" aria-label={`${label} formatting`} aria-controls={controls} className={styles.toolbar}>
      {MARKS.map((mark, index) => (
        <button
          key={mark.name}
          type="button"
          className={styles.tool}
          aria-pressed={active?.[index] ?? false}
          disabled={!editor || showSource}
          onClick={() => editor && mark.run(editor)}
        >
          {mark.name}
        </button>
      ))}
      <button type="button" className={styles.tool} aria-pressed={showSource} onClick={onToggleSource}>
        HTML
      </button>
    </div>
  );
}
