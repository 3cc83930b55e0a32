import "server-only";

export const ATOM = "http://www.w3.org/2005/Atom";
export const BLOGGER_TAKEOUT = "http://schemas.google.com/blogger/2018";
/** Where `app:draft` lives: Blogger's classic export uses the pre-standard namespace, AtomPub 1.0 the other. */
export const ATOM_PUBLISHING = "http://purl.org/atom/app#";
export const ATOM_PUBLISHING_1_0 = "http://www.w3.org/2007/app";
export const ATOM_THREADING = "http://purl.org/syndication/thread/1.0";
/** What Longhand adds to the WXR it writes: the blog's time zone, which WXR has no element for. */
export const LONGHAND = "urn:longhand:export";

// Namespaces the exports use, by their usual prefix. Real exports sometimes use a prefix without
// declaring it (Blogger's classic export and `app:draft`); the reader resolves those from here.
export const UNDECLARED_PREFIXES: Record<string, string> = {
  app: ATOM_PUBLISHING,
  thr: ATOM_THREADING,
  gd: "http://schemas.google.com/g/2005",
  georss: "http://www.georss.org/georss",
  openSearch: "http://a9.com/-/spec/opensearchrss/1.0/",
  blogger: BLOGGER_TAKEOUT,
  media: "http://search.yahoo.com/mrss/",
  content: "http://purl.org/rss/1.0/modules/content/",
  excerpt: "http://wordpress.org/export/1.2/excerpt/",
  wfw: "http://wellformedweb.org/CommentAPI/",
  dc: "http://purl.org/dc/elements/1.1/",
  wp: "http://wordpress.org/export/1.2/",
};
