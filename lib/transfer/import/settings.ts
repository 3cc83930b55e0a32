import "server-only";
import type { SettingsRecord } from "../records";
import type { ReportBuilder } from "./report";
import type { ImportClient } from "./sql";

const MAPPED_FIELDS = ["blogTitle", "description", "timeZone", "commentPermission", "commentModeration", "moderateAfterDays", "postsPerPage"] as const;
type MappedField = (typeof MAPPED_FIELDS)[number];

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The blog's time zone as it stands (before anything is imported): permalinks are dated in it. */
export async function currentTimeZone(client: ImportClient): Promise<string> {
  const { rows } = await client.query<{ timeZone: string }>(`SELECT "timeZone" FROM "Setting" WHERE id = 1`);
  return rows[0]?.timeZone ?? "UTC";
}

/**
 * Takes the source's settings where they map and are valid (a time zone the runtime knows, a
 * sensible page size); the rest is reported. Returns the time zone the blog has afterwards.
 */
export async function applySettings(client: ImportClient, record: SettingsRecord, report: ReportBuilder): Promise<string> {
  const wanted: Partial<Record<MappedField, string | number>> = {};
  for (const field of MAPPED_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (field === "timeZone" && !isTimeZone(String(value))) {
      report.note("settings", `time zone “${value}”`, "not a time zone Longhand knows; the blog keeps its own");
      continue;
    }
    if (field === "postsPerPage" && !(Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 50)) continue;
    if (field === "moderateAfterDays" && !(Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 3650)) continue;
    if (field === "blogTitle" && !String(value).trim()) continue;
    wanted[field] = typeof value === "string" ? value.trim().slice(0, 500) : value;
  }
  for (const name of record.unmapped ?? []) report.note("settings", name, "Longhand has no such setting");

  const { rows } = await client.query<Record<MappedField, string | number>>(`SELECT ${MAPPED_FIELDS.map((field) => `"${field}"`).join(", ")} FROM "Setting" WHERE id = 1`);
  const existing = rows[0];
  const changed = MAPPED_FIELDS.filter((field) => wanted[field] !== undefined && (!existing || existing[field] !== wanted[field]));
  if (!existing) {
    const fields = Object.keys(wanted) as MappedField[];
    const withTitle = fields.includes("blogTitle") ? fields : [...fields, "blogTitle" as const];
    const values = withTitle.map((field) => wanted[field] ?? "Longhand");
    await client.query(
      `INSERT INTO "Setting" (id, ${withTitle.map((field) => `"${field}"`).join(", ")}, "updatedAt")
       VALUES (1, ${withTitle.map((_, index) => `$${index + 1}`).join(", ")}, now() AT TIME ZONE 'UTC')`,
      values,
    );
  } else if (changed.length > 0) {
    await client.query(
      `UPDATE "Setting" SET ${changed.map((field, index) => `"${field}" = $${index + 1}`).join(", ")}, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = 1`,
      changed.map((field) => wanted[field]),
    );
  }
  report.changedSettings(changed);
  return String(wanted.timeZone ?? existing?.timeZone ?? "UTC");
}
