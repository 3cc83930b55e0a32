import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { InvalidFieldsError, InvalidRequestError } from "@/lib/errors";
import { featuredImageOf, featuredImageSelect, type FeaturedImage } from "@/lib/uploads/featured";
import { uploadUrl } from "@/lib/uploads/urls";
import { appearanceOrDefaults, appearanceSchema, type AppearanceInput } from "@/lib/validation/appearance";

// The blog's appearance lives in one Appearance row (id 1), like its settings in Setting.
const ROW = { id: 1 } as const;

const COLUMNS = { theme: true, accentLight: true, accentDark: true, headingFont: true, bodyFont: true, headerImageId: true, faviconId: true } as const;

/** What reader pages draw with: the saved choices, and the chosen images ready to show. */
export interface Appearance extends AppearanceInput {
  headerImage: FeaturedImage | null;
  favicon: { url: string; type: string } | null;
}

/** The appearance as saved now (not the cached copy): for the dashboard's form. */
export async function getCurrentAppearance(): Promise<AppearanceInput> {
  return appearanceOrDefaults(await db.appearance.findUnique({ where: ROW, select: COLUMNS }));
}

/** The appearance reader pages use, cached with the settings until a save expires them. */
export async function getAppearance(): Promise<Appearance> {
  "use cache";
  cacheTag(tags.settings);
  cacheLife("max");
  return withImages(await getCurrentAppearance());
}

/** The chosen images' addresses and sizes, for the reader pages and the preview. */
export async function withImages(appearance: AppearanceInput): Promise<Appearance> {
  const ids = [appearance.headerImageId, appearance.faviconId].filter((id) => id !== null);
  const uploads = ids.length ? await db.upload.findMany({ where: { id: { in: ids } }, select: { id: true, mimeType: true, ...featuredImageSelect.select } }) : [];
  const byId = new Map(uploads.map((upload) => [upload.id, upload]));
  const header = appearance.headerImageId ? byId.get(appearance.headerImageId) : undefined;
  const favicon = appearance.faviconId ? byId.get(appearance.faviconId) : undefined;
  return {
    ...appearance,
    headerImage: featuredImageOf(header ?? null),
    favicon: favicon ? { url: uploadUrl(favicon.storageKey), type: favicon.mimeType } : null,
  };
}

/** Refuses an image id that names no upload (a made-up id, or an image deleted meanwhile). */
export async function checkImagesExist(appearance: AppearanceInput): Promise<void> {
  const fields = (["headerImageId", "faviconId"] as const).filter((field) => appearance[field] !== null);
  const found = new Set(
    (await db.upload.findMany({ where: { id: { in: fields.map((field) => appearance[field]!) } }, select: { id: true } })).map(({ id }) => id),
  );
  const missing = fields.filter((field) => !found.has(appearance[field]!));
  if (missing.length) throw new InvalidFieldsError(Object.fromEntries(missing.map((field) => [field, ["Choose one of the blog's uploaded images, or none."]])));
}

/**
 * Saves the appearance into the one Appearance row. The action has validated the form already;
 * checking again here means no caller can store colours that fail contrast or an unknown font.
 */
export async function updateAppearance(input: AppearanceInput): Promise<AppearanceInput> {
  const valid = appearanceSchema.safeParse(input);
  if (!valid.success) throw new InvalidRequestError(valid.error.issues.map((issue) => issue.message).join(" "));
  await checkImagesExist(valid.data);
  await db.appearance.upsert({ where: ROW, create: { ...ROW, ...valid.data }, update: valid.data, select: { id: true } });
  return valid.data;
}
