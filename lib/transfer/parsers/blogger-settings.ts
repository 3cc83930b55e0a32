import "server-only";
// Blogger's classic export writes each blog setting as an entry of its own
// (id "tag:blogger.com,1999:blog-ID.settings.BLOG_NAME", value in <content>). These are the ones
// that mean something here; the rest are listed in the report as not imported.
import type { CommentModeration, CommentPermission } from "../../generated/prisma/enums";
import type { SettingsRecord } from "../records";

// Blogger does not document these values: the spellings seen in exports and their obvious variants.
const NOBODY = new Set(["NONE", "NOBODY", "NO_ONE", "NOONE", "FALSE"]);
const MODERATION: Record<string, CommentModeration> = {
  ALWAYS: "ALWAYS",
  ENABLED: "ALWAYS",
  TRUE: "ALWAYS",
  NEVER: "NEVER",
  DISABLED: "NEVER",
  NONE: "NEVER",
  FALSE: "NEVER",
  OLDER_POSTS: "OLDER_POSTS",
  SOMETIMES: "OLDER_POSTS",
};

/** The setting name from a settings entry's id, or null when the id is not one. */
export function settingName(atomId: string): string | null {
  return /\.settings\.([A-Za-z0-9_]+)$/.exec(atomId.trim())?.[1] ?? null;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Gathers the settings entries as they come and makes one SettingsRecord of them. */
export class BloggerSettings {
  private values = new Map<string, string>();

  add(name: string, value: string): void {
    this.values.set(name, value.trim());
  }

  /** The settings gathered since the last call, or null when there were none. */
  take(): SettingsRecord | null {
    if (this.values.size === 0) return null;
    const values = this.values;
    this.values = new Map();
    const record: SettingsRecord = { type: "settings" };
    const mapped = new Set<string>();
    const map = (names: string[], fields: Omit<SettingsRecord, "type"> | null) => {
      if (!fields) return;
      Object.assign(record, fields);
      for (const name of names) mapped.add(name);
    };

    const title = values.get("BLOG_NAME");
    map(["BLOG_NAME"], title ? { blogTitle: title } : null);
    const description = values.get("BLOG_DESCRIPTION");
    map(["BLOG_DESCRIPTION"], description === undefined ? null : { description });
    const zone = values.get("BLOG_TIME_ZONE");
    map(["BLOG_TIME_ZONE"], zone && isTimeZone(zone) ? { timeZone: zone } : null);
    map(["BLOG_COMMENTS_ALLOWED", "BLOG_COMMENT_ACCESS"], commentPermission(values.get("BLOG_COMMENTS_ALLOWED"), values.get("BLOG_COMMENT_ACCESS")));
    map(["BLOG_COMMENT_MODERATION", "BLOG_COMMENT_MODERATION_DELAY"], moderation(values.get("BLOG_COMMENT_MODERATION"), values.get("BLOG_COMMENT_MODERATION_DELAY")));
    map(["BLOG_MAX_NUM", "BLOG_MAX_UNIT"], postsPerPage(values.get("BLOG_MAX_NUM"), values.get("BLOG_MAX_UNIT")));

    const unmapped = [...values.keys()].filter((name) => !mapped.has(name));
    if (unmapped.length > 0) record.unmapped = unmapped;
    return record;
  }
}

function commentPermission(allowed = "", access = ""): { commentPermission: CommentPermission } | null {
  if (allowed.toLowerCase() === "false") return { commentPermission: "NOBODY" };
  if (!access) return allowed.toLowerCase() === "true" ? { commentPermission: "SIGNED_IN" } : null;
  // Blogger's "Anyone" takes guests, as ANYONE does here (with a name); Google accounts and blog
  // members both mean an account, so SIGNED_IN.
  const upper = access.toUpperCase();
  return { commentPermission: NOBODY.has(upper) ? "NOBODY" : upper === "ANYONE" ? "ANYONE" : "SIGNED_IN" };
}

function moderation(mode = "", delay = ""): { commentModeration: CommentModeration; moderateAfterDays?: number } | null {
  const commentModeration = MODERATION[mode.toUpperCase()];
  if (commentModeration !== "OLDER_POSTS") return commentModeration ? { commentModeration } : null;
  const days = wholeNumber(delay);
  return days === null ? null : { commentModeration, moderateAfterDays: days };
}

// The front page shows either so many posts or so many days of them; only the first maps.
function postsPerPage(count = "", unit = "POSTS"): { postsPerPage: number } | null {
  const shown = wholeNumber(count);
  return shown && unit.toUpperCase() === "POSTS" ? { postsPerPage: shown } : null;
}
