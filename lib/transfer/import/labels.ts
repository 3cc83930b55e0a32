import "server-only";
import { labelSlug } from "@/lib/permalinks";
import type { ReportBuilder } from "./report";
import { newId, type ImportClient } from "./sql";

/** Labels by name (any case, as the dashboard matches them), made when new; one query per new name at most. */
export class LabelDirectory {
  private readonly ids = new Map<string, { id: string; slug: string }>();

  constructor(
    private readonly client: ImportClient,
    private readonly report: ReportBuilder,
  ) {}

  /** The label's id and slug, creating it when no label has this name or its slug. */
  async resolve(rawName: string): Promise<{ id: string; slug: string } | null> {
    const name = rawName.trim().slice(0, 100);
    if (!name) return null;
    const key = name.toLowerCase();
    const known = this.ids.get(key);
    if (known) return known;
    const slug = labelSlug(name);
    const { rows } = await this.client.query<{ id: string; slug: string }>(
      `SELECT id, slug FROM "Label" WHERE lower(name) = $1 OR slug = $2 ORDER BY (lower(name) = $1) DESC LIMIT 1`,
      [key, slug],
    );
    let label = rows[0];
    if (label) {
      this.report.count("labels", "unchanged");
    } else {
      label = { id: newId(), slug };
      await this.client.query(`INSERT INTO "Label" (id, name, slug, "createdAt") VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC')`, [label.id, name, slug]);
      this.report.count("labels", "created");
    }
    this.ids.set(key, label);
    return label;
  }
}
