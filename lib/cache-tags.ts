import "server-only";

// Every cache tag the reader pages use, so a write invalidates exactly what it changed.
export const tags = {
  settings: "settings",
  /** Any list of published posts: home, archive, labels, feeds. */
  posts: "posts",
  /** One post and its comments. */
  post: (id: string) => `post:${id}`,
  labels: "labels",
  /** Author pages' headings: a writer's name, photo and bio (their posts are lists, under `posts`). */
  authors: "authors",
  pages: "pages",
  redirects: "redirects",
  /** The dimensions of uploaded images that post bodies show (components/post/post-body.tsx). */
  uploads: "uploads",
  /**
   * Any list of comments across posts: the comments feeds. Every comment write (new, edited,
   * moderated, deleted) must invalidate it, besides `post(id)` for the post it belongs to.
   */
  comments: "comments",
  /** The sidebar's and footer's gadgets (lib/gadgets/): what each shows, and in what order. */
  gadgets: "gadgets",
  /**
   * Whatever the tags above do not reach whole (each post's own comments are kept under
   * `post(id)` alone): expired only by an import, which may change any of it at once.
   */
  imported: "imported",
} as const;

/** Every tag reader pages use, for a write that may have changed anything (an import). */
export const everyReaderTag = [tags.settings, tags.posts, tags.labels, tags.authors, tags.pages, tags.redirects, tags.uploads, tags.comments, tags.gadgets, tags.imported] as const;
