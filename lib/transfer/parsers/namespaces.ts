import "server-only";

// Namespaces the exports use, by their usual prefix. Real exports sometimes use a prefix without
// declaring it (Blogger's classic export and `app:draft`); the reader resolves those from here.
export const UNDECLARED_PREFIXES: Record<string, string> = {
  app: "http://purl.org/atom/app#",
  thr: "http://purl.org/syndication/thread/1.0",
  gd: "http://schemas.google.com/g/2005",
  georss: "http://www.georss.org/georss",
  openSearch: "http://a9.com/-/spec/opensearchrss/1.0/",
  blogger: "http://schemas.google.com/blogger/2018",
  media: "http://search.yahoo.com/mrss/",
  content: "http://purl.org/rss/1.0/modules/content/",
  excerpt: "http://wordpress.org/export/1.2/excerpt/",
  wfw: "http://wellformedweb.org/CommentAPI/",
  dc: "http://purl.org/dc/elements/1.1/",
  wp: "http://wordpress.org/export/1.2/",
};
