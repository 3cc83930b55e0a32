import { mergeAttributes, Node } from "@tiptap/core";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";

export const IMAGE_ALIGNMENTS = ["left", "center", "right", "wide"] as const;
export const IMAGE_SIZES = ["small", "medium", "full"] as const;
export type ImageAlignment = (typeof IMAGE_ALIGNMENTS)[number];
export type ImageSize = (typeof IMAGE_SIZES)[number];

/** What the author chooses for an image; everything lib/html.ts keeps of it. */
export interface FigureImageAttributes {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  align: ImageAlignment;
  size: ImageSize;
  caption: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figureImage: {
      /** Inserts an image and leaves the caret after it, so the next key typed cannot replace it. */
      insertFigureImage: (attributes: FigureImageAttributes) => ReturnType;
    };
  }
}

const classValue = (element: Element, prefix: string) =>
  [...element.classList].find((name) => name.startsWith(prefix))?.slice(prefix.length) ?? null;

const pickOr = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => values.find((known) => known === value) ?? fallback;

const numberOrNull = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : null);

/** The attributes of an `<img>` alone, or of a `<figure>` around one with its caption. */
function readImage(element: HTMLElement): FigureImageAttributes | false {
  const image = element.tagName === "IMG" ? element : element.querySelector("img");
  if (!image?.getAttribute("src")) return false;
  const classes = element.tagName === "IMG" ? image : element;
  return {
    src: image.getAttribute("src") ?? "",
    alt: image.getAttribute("alt") ?? "",
    width: numberOrNull(image.getAttribute("width")),
    height: numberOrNull(image.getAttribute("height")),
    align: pickOr(IMAGE_ALIGNMENTS, classValue(classes, "align") ?? classValue(image, "align"), "center"),
    size: pickOr(IMAGE_SIZES, classValue(classes, "size-") ?? classValue(image, "size-"), "full"),
    caption: element.querySelector("figcaption")?.textContent?.trim() ?? "",
  };
}

/**
 * An image as one block: a plain `<img class="align… size-…">`, or a `<figure>` with the same
 * classes when it has a caption. Alt text, caption, alignment and size are edited in the image
 * dialog (image-dialog.tsx), so the node is an atom.
 */
export const FigureImage = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    const plain = { parseHTML: () => null, renderHTML: () => ({}) };
    return {
      src: { default: "", ...plain },
      alt: { default: "", ...plain },
      width: { default: null, ...plain },
      height: { default: null, ...plain },
      align: { default: "center", ...plain },
      size: { default: "full", ...plain },
      caption: { default: "", ...plain },
    };
  },

  parseHTML() {
    return [
      { tag: "figure", priority: 60, getAttrs: (element) => readImage(element) },
      { tag: "img[src]", getAttrs: (element) => readImage(element) },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, width, height, align, size, caption } = node.attrs as FigureImageAttributes;
    const classes = `align${align} size-${size}`;
    const image = mergeAttributes({ src, alt }, width && height ? { width: String(width), height: String(height) } : {});
    if (!caption) return ["img", { ...image, class: classes }];
    return ["figure", { class: classes }, ["img", image], ["figcaption", {}, caption]];
  },

  addCommands() {
    return {
      insertFigureImage:
        (attributes) =>
        ({ chain }) =>
          chain()
            .insertContent({ type: this.name, attrs: attributes })
            .command(({ tr, dispatch }) => {
              const { selection } = tr;
              if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return true;
              const after = selection.to;
              if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, tr.doc.type.schema.nodes.paragraph!.create());
              if (dispatch) tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
              return true;
            })
            .run(),
    };
  },
});
