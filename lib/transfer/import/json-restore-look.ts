import "server-only";
import { LAYOUT_LOCK } from "../../gadgets/layout-lock";
import { sanitizeGadgetHtml } from "../../html";
import { APPEARANCE_DEFAULTS } from "../../validation/appearance";
import { GADGET_AREA_NAMES, GADGET_AREAS, GADGET_KIND_NAMES, MAX_AREA_GADGETS, storedConfig, type GadgetConfig } from "../../validation/gadgets";
import { ImportFileError } from "../records";
import type { ExportedAppearance, ExportedGadget } from "./json-elements";
import { quoted, type RestoreContext } from "./json-restore-context";
import { existingIds } from "./json-sql";

// The blog's looks: its appearance and its layout gadgets. Both name uploads, so both are written
// after the uploads are in, each image through the upload that stands for it here.

const APPEARANCE_FIELDS = ["theme", "accentLight", "accentDark", "headingFont", "bodyFont", "headerImageId", "faviconId"] as const;
const IMAGE_NAMES = { headerImageId: "the header image", faviconId: "the favicon" } as const;

/** Gathers the file's gadgets, as many to an area as the Layout page handles: the layout is replaced as a whole once they are all read. */
export async function collectGadgets({ gadgets }: RestoreContext, rows: ExportedGadget[]): Promise<void> {
  for (const gadget of rows) {
    if (gadgets.has(gadget.id)) throw new ImportFileError(`gadgets has two gadgets with the id ${JSON.stringify(gadget.id)}.`);
    gadgets.set(gadget.id, gadget);
  }
  for (const area of GADGET_AREAS) {
    const count = [...gadgets.values()].filter((gadget) => gadget.area === area).length;
    if (count > MAX_AREA_GADGETS) throw new ImportFileError(`gadgets has ${count} gadgets in the ${GADGET_AREA_NAMES[area]}; a layout holds at most ${MAX_AREA_GADGETS} in each area.`);
  }
}

/**
 * The upload here for each of the file's upload ids; an id whose upload is not here (left out of
 * the file, or skipped) maps to null, noted as `what` says.
 */
async function uploadsHere({ client, report, uploadIds }: RestoreContext, wanted: { id: string; what: string }[]): Promise<Map<string, string | null>> {
  const candidates = new Map(wanted.map(({ id }) => [id, uploadIds.get(id) ?? id]));
  const found = await existingIds(client, "Upload", [...candidates.values()]);
  const here = new Map<string, string | null>();
  for (const { id, what } of wanted) {
    const upload = candidates.get(id)!;
    here.set(id, found.has(upload) ? upload : null);
    if (!found.has(upload)) report.note("images", what, `its image (upload ${id}) is not among this blog's images, so it has none`);
  }
  return here;
}

/** Writes the file's appearance where it differs from the blog's, naming the fields that changed among the settings. */
export async function finishAppearance(context: RestoreContext): Promise<void> {
  const { client, report, appearance } = context;
  if (appearance === null) return;
  const images = (["headerImageId", "faviconId"] as const).flatMap((field) => (appearance[field] === null ? [] : [{ id: appearance[field], what: `appearance: ${IMAGE_NAMES[field]}` }]));
  const here = await uploadsHere(context, images);
  const wanted: ExportedAppearance = { ...appearance, headerImageId: here.get(appearance.headerImageId ?? "") ?? null, faviconId: here.get(appearance.faviconId ?? "") ?? null };
  const current = (await client.query<ExportedAppearance>(`SELECT ${APPEARANCE_FIELDS.map((field) => `"${field}"`).join(", ")} FROM "Appearance" WHERE "id" = 1`)).rows[0] ?? APPEARANCE_DEFAULTS;
  const changed = APPEARANCE_FIELDS.filter((field) => current[field] !== wanted[field]);
  if (changed.length === 0) return;
  await client.query(
    `INSERT INTO "Appearance" ("id", ${APPEARANCE_FIELDS.map((field) => `"${field}"`).join(", ")}, "updatedAt")
     VALUES (1, $1::"Theme", $2, $3, $4, $5, $6, $7, now() AT TIME ZONE 'UTC')
     ON CONFLICT ("id") DO UPDATE SET ${APPEARANCE_FIELDS.map((field) => `"${field}" = EXCLUDED."${field}"`).join(", ")}, "updatedAt" = EXCLUDED."updatedAt"`,
    APPEARANCE_FIELDS.map((field) => wanted[field]),
  );
  report.changedSettings(changed);
}

/**
 * Replaces the blog's layout with the file's gadgets, each area's in the file's order from 0 on
 * (gaps or repeats in the file's positions close up), unless it is already exactly that. Reported
 * as the setting "layout".
 */
export async function finishLayout(context: RestoreContext): Promise<void> {
  const { client, report } = context;
  const gadgets = [...context.gadgets.values()];
  await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [LAYOUT_LOCK]);
  const photos = gadgets.flatMap((gadget) => (gadget.config.kind === "PROFILE" && gadget.config.photoId ? [{ id: gadget.config.photoId, what: `layout: ${gadgetWhat(gadget)}` }] : []));
  const here = await uploadsHere(context, photos);
  const rows = GADGET_AREAS.flatMap((area) =>
    gadgets
      .filter((gadget) => gadget.area === area)
      .sort((one, other) => one.position - other.position)
      .map((gadget, position) => ({ ...gadget, position, config: storedConfig(asSaved(gadget.config, here)) })),
  );
  const columns = [rows.map((row) => row.id), rows.map((row) => row.area), rows.map((row) => row.position), rows.map((row) => row.kind), rows.map((row) => row.title), rows.map((row) => JSON.stringify(row.config))];
  const file = `unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::jsonb[]) AS f("id", "area", "position", "kind", "title", "config")`;
  const differing = await client.query(
    `SELECT 1 FROM "Gadget" g FULL JOIN ${file} ON f."id" = g."id"
      WHERE (g."area"::text, g."position", g."kind"::text, g."title", g."config") IS DISTINCT FROM (f."area", f."position", f."kind", f."title", f."config") LIMIT 1`,
    columns,
  );
  if (differing.rowCount === 0) return;
  await client.query(`DELETE FROM "Gadget"`);
  await client.query(
    `INSERT INTO "Gadget" ("id", "area", "position", "kind", "title", "config", "updatedAt")
     SELECT f."id", f."area"::"GadgetArea", f."position", f."kind"::"GadgetKind", f."title", f."config", now() AT TIME ZONE 'UTC' FROM ${file}`,
    columns,
  );
  report.changedSettings(["layout"]);
}

const gadgetWhat = (gadget: ExportedGadget) => `${GADGET_KIND_NAMES[gadget.kind]} gadget${gadget.title ? ` ${quoted(gadget.title)}` : ""}`;

/** The settings as the Layout page saves them: HTML sanitized, the photo the upload here that stands for the file's. */
function asSaved(config: GadgetConfig, photos: Map<string, string | null>): GadgetConfig {
  if (config.kind === "HTML") return { ...config, html: sanitizeGadgetHtml(config.html) };
  if (config.kind === "PROFILE" && config.photoId) return { ...config, photoId: photos.get(config.photoId) ?? "" };
  return config;
}
