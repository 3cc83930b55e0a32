import "server-only";
import { authorPath } from "../../permalinks";
import type { ExportedLabel, ExportedRedirect, ExportedSettings, ExportedUpload, ExportedUser } from "./json-elements";
import { countOutcomes, type RestoreContext } from "./json-restore-context";
import { clashingRows, upsertById, type Column } from "./json-sql";
import { freeAuthorSlug, freeAuthorSlugFrom } from "./sql";

// The sections around the entries: settings, accounts, labels, redirects and the uploads' manifest.

const SETTING_FIELDS = ["blogTitle", "description", "postsPerPage", "timeZone", "locale", "commentPermission", "commentModeration", "moderateAfterDays"] as const;
const SETTING_TYPES: Record<(typeof SETTING_FIELDS)[number], string> = {
  blogTitle: "text",
  description: "text",
  postsPerPage: "int",
  timeZone: "text",
  locale: "text",
  commentPermission: `"CommentPermission"`,
  commentModeration: `"CommentModeration"`,
  moderateAfterDays: "int",
};

export async function restoreSettings({ client, report }: RestoreContext, settings: ExportedSettings): Promise<void> {
  const current = await client.query<Record<string, unknown>>(`SELECT ${SETTING_FIELDS.map((field) => `"${field}"`).join(", ")} FROM "Setting" WHERE "id" = 1`);
  const existing = current.rows[0];
  const changed = SETTING_FIELDS.filter((field) => existing?.[field] !== settings[field]);
  if (changed.length === 0) return;
  const values = SETTING_FIELDS.map((field) => settings[field]);
  const placeholders = SETTING_FIELDS.map((field, index) => `$${index + 1}::${SETTING_TYPES[field]}`);
  await client.query(
    `INSERT INTO "Setting" ("id", ${SETTING_FIELDS.map((field) => `"${field}"`).join(", ")}, "updatedAt")
     VALUES (1, ${placeholders.join(", ")}, now() AT TIME ZONE 'UTC')
     ON CONFLICT ("id") DO UPDATE SET ${SETTING_FIELDS.map((field) => `"${field}" = EXCLUDED."${field}"`).join(", ")}, "updatedAt" = EXCLUDED."updatedAt"`,
    values,
  );
  report.changedSettings([...changed]);
}

type RestoredUser = ExportedUser & { slug: string };

const USER_COLUMNS: Column<RestoredUser>[] = [
  { name: "name", arrayType: "text[]", value: (user) => user.name },
  { name: "slug", arrayType: "text[]", value: (user) => user.slug },
  { name: "email", arrayType: "text[]", value: (user) => user.email },
  { name: "emailVerified", arrayType: "timestamp(3)[]", value: (user) => user.emailVerified },
  { name: "image", arrayType: "text[]", value: (user) => user.image },
  { name: "role", arrayType: `"Role"[]`, value: (user) => user.role },
  { name: "disabledAt", arrayType: "timestamp(3)[]", value: (user) => user.disabledAt },
  { name: "bio", arrayType: "text[]", value: (user) => user.bio },
  { name: "commentNotices", arrayType: "boolean[]", value: (user) => user.commentNotices },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (user) => user.createdAt },
  { name: "updatedAt", arrayType: "timestamp(3)[]", value: (user) => user.updatedAt },
];

/**
 * An account that already has the email stands for the file's user and is left as it is (its id,
 * password, name, author page, role and whether it is disabled): an import must never change who
 * may do what here, nor lock out the admin running it, nor move a page people link to. The others
 * arrive with their ids and no password.
 */
export async function restoreUsers({ client, report, userIds, authorPaths }: RestoreContext, users: ExportedUser[]): Promise<void> {
  const existing = await client.query<{ id: string; email: string; slug: string | null }>(
    `SELECT "id", "email", "slug" FROM "User" WHERE "email" = ANY($1::text[]) OR "id" = ANY($2::text[])`,
    [users.map((user) => user.email), users.map((user) => user.id)],
  );
  const byEmail = new Map(existing.rows.map((row) => [row.email, row]));
  const byId = new Map(existing.rows.map((row) => [row.id, row]));
  const rows: RestoredUser[] = [];
  const chosen = new Set<string>();
  const pageMoved = (user: ExportedUser, slug: string | null) => {
    if (user.slug !== null && slug !== null && slug !== user.slug) authorPaths.set(authorPath(user.slug), authorPath(slug));
  };
  for (const user of users) {
    const here = byEmail.get(user.email) ?? byId.get(user.id);
    userIds.set(user.id, here?.id ?? user.id);
    if (here !== undefined) {
      pageMoved(user, here.slug);
      report.count("authors", "unchanged");
    } else if (rows.some((row) => row.id === user.id || row.email === user.email)) report.note("authors", `account ${user.email}`, "another account in the file has the same email or id", { skipped: true });
    else {
      const slug = await authorPageSlug({ client, report }, user, chosen);
      pageMoved(user, slug);
      chosen.add(slug);
      rows.push({ ...user, slug });
    }
  }
  countOutcomes(report, "authors", rows, await upsertById(client, "User", USER_COLUMNS, rows));
}

/**
 * A new account's author page slug: the file's, or the first free one after it ("-2", "-3"…) when
 * another account here has it, as two accounts of one name get at sign-up; made from the name, as
 * at sign-up, when the file has none.
 */
async function authorPageSlug({ client, report }: Pick<RestoreContext, "client" | "report">, user: ExportedUser, chosen: ReadonlySet<string>): Promise<string> {
  if (user.slug === null) return freeAuthorSlug(client, user.name, chosen);
  const slug = await freeAuthorSlugFrom(client, user.slug, chosen);
  if (slug !== user.slug) report.note("authors", `account ${user.email}`, `another account here has the author page /profile/${user.slug}, so this one's is /profile/${slug}`);
  return slug;
}

const LABEL_COLUMNS: Column<ExportedLabel>[] = [
  { name: "name", arrayType: "text[]", value: (label) => label.name },
  { name: "slug", arrayType: "text[]", value: (label) => label.slug },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (label) => label.createdAt },
];

/** A label whose name (or else slug) another label here already has is that label. */
export async function restoreLabels({ client, report, labelIds }: RestoreContext, labels: ExportedLabel[]): Promise<void> {
  const existing = await client.query<{ id: string; name: string; slug: string }>(`SELECT "id", "name", "slug" FROM "Label" WHERE "name" = ANY($1::text[]) OR "slug" = ANY($2::text[])`, [
    labels.map((label) => label.name),
    labels.map((label) => label.slug),
  ]);
  const rows: ExportedLabel[] = [];
  for (const label of labels) {
    const holder = existing.rows.find((row) => row.name === label.name) ?? existing.rows.find((row) => row.slug === label.slug);
    const standIn = holder?.id ?? rows.find((row) => row.name === label.name || row.slug === label.slug)?.id;
    if (standIn !== undefined && standIn !== label.id) {
      labelIds.set(label.id, standIn);
      report.count("labels", "unchanged");
    } else {
      labelIds.set(label.id, label.id);
      rows.push(label);
    }
  }
  countOutcomes(report, "labels", rows, await upsertById(client, "Label", LABEL_COLUMNS, rows));
}

const REDIRECT_COLUMNS: Column<ExportedRedirect>[] = [
  { name: "fromPath", arrayType: "text[]", value: (redirect) => redirect.fromPath },
  { name: "toPath", arrayType: "text[]", value: (redirect) => redirect.toPath },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (redirect) => redirect.createdAt },
];

export async function restoreRedirects({ client, report, authorPaths }: RestoreContext, redirects: ExportedRedirect[]): Promise<void> {
  const clashing = await clashingRows(client, "Redirect", "fromPath", redirects, (redirect) => redirect.fromPath);
  const rows = redirects
    .filter((redirect) => {
      if (clashing.has(redirect.id)) report.note("redirects", `redirect from ${redirect.fromPath}`, "another redirect from that address is already here", { skipped: true });
      return !clashing.has(redirect.id);
    })
    .map((redirect) => ({ ...redirect, toPath: authorPaths.get(redirect.toPath) ?? redirect.toPath }));
  countOutcomes(report, "redirects", rows, await upsertById(client, "Redirect", REDIRECT_COLUMNS, rows));
}

const UPLOAD_COLUMNS: Column<ExportedUpload>[] = [
  { name: "storageKey", arrayType: "text[]", value: (upload) => upload.storageKey },
  { name: "mimeType", arrayType: "text[]", value: (upload) => upload.mimeType },
  { name: "byteSize", arrayType: "int[]", value: (upload) => upload.byteSize },
  { name: "width", arrayType: "int[]", value: (upload) => upload.width },
  { name: "height", arrayType: "int[]", value: (upload) => upload.height },
  { name: "originalName", arrayType: "text[]", value: (upload) => upload.originalName },
  // unnest flattens an array of arrays, so each row's widths travel as an array literal.
  { name: "widths", arrayType: "text[]", value: (upload) => `{${upload.widths.join(",")}}`, cast: "int[]" },
  { name: "sourceUrl", arrayType: "text[]", value: (upload) => upload.sourceUrl },
  { name: "uploaderId", arrayType: "text[]", value: (upload) => upload.uploaderId },
  { name: "createdAt", arrayType: "timestamp(3)[]", value: (upload) => upload.createdAt },
];

/**
 * The manifest's rows; an upload whose file is not in the storage is kept (its file may be copied in later) and noted.
 * One skipped because an image here has its key or source is that image wherever the file names it (`uploadIds`).
 */
export async function restoreUploads({ client, report, storage, userIds, uploadIds }: RestoreContext, uploads: ExportedUpload[]): Promise<void> {
  const keyClashes = await clashingRows(client, "Upload", "storageKey", uploads, (upload) => upload.storageKey);
  const sourceClashes = await clashingRows(client, "Upload", "sourceUrl", uploads, (upload) => upload.sourceUrl);
  const rows: ExportedUpload[] = [];
  for (const upload of uploads) {
    const what = `image ${upload.storageKey}`;
    const uploaderId = userIds.get(upload.uploaderId);
    if (uploaderId === undefined) report.note("images", what, "its uploader is not among the file's users", { skipped: true });
    else if (keyClashes.has(upload.id)) {
      uploadIds.set(upload.id, keyClashes.get(upload.id)!);
      report.note("images", what, "another image here is stored under that key", { skipped: true });
    } else if (sourceClashes.has(upload.id)) {
      uploadIds.set(upload.id, sourceClashes.get(upload.id)!);
      report.note("images", what, `another image here was copied from ${upload.sourceUrl}`, { skipped: true });
    } else {
      uploadIds.set(upload.id, upload.id);
      rows.push({ ...upload, uploaderId });
      if ((await storage().get(upload.storageKey)) === null) report.note("images", what, "its image is not in this blog's uploads store: copy the old blog's UPLOADS_DIR here, or move the whole blog with npm run backup and restore");
    }
  }
  countOutcomes(report, "images", rows, await upsertById(client, "Upload", UPLOAD_COLUMNS, rows));
}
