import { GadgetFrame } from "@/components/blog/gadgets/gadget-frame";
import { RichHtml } from "@/components/post/rich-html";
import type { ProfilePhoto } from "@/lib/gadgets/reader";
import type { ConfigOf } from "@/lib/validation/gadgets";
import styles from "./gadgets.module.css";

/** Plain text as paragraphs: a blank line starts a new one, a single line break stays one. */
function Paragraphs({ text }: { text: string }) {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph, index) => <p key={index} className={styles.text}>{paragraph.trim()}</p>);
}

interface Props<Kind extends "PROFILE" | "TEXT" | "HTML"> {
  gadgetId: string;
  heading: string;
  config: ConfigOf<Kind>;
}

export function ProfileGadget({ gadgetId, heading, config, photo }: Props<"PROFILE"> & { photo: ProfilePhoto | undefined }) {
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links={false}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload's small copy; beside "About me" and the words under it, it adds no words of its own */}
      {photo && <img className={styles.photo} src={photo.src} width={photo.width} height={photo.height} alt="" loading="lazy" decoding="async" />}
      <Paragraphs text={config.text} />
      {config.linkUrl && (
        <p>
          <a href={config.linkUrl}>{config.linkText || config.linkUrl}</a>
        </p>
      )}
    </GadgetFrame>
  );
}

export function TextGadget({ gadgetId, heading, config }: Props<"TEXT">) {
  if (!config.text && !heading) return null;
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links={false}>
      <Paragraphs text={config.text} />
    </GadgetFrame>
  );
}

/** Sanitized when saved and again when read (lib/gadgets/store.ts): no script, frame or other site's image. */
export function HtmlGadget({ gadgetId, heading, config }: Props<"HTML">) {
  if (!config.html && !heading) return null;
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links={false}>
      <RichHtml html={config.html} />
    </GadgetFrame>
  );
}
