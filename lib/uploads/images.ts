import "server-only";
import { db } from "@/lib/db";
import { isAdmin, type DashboardUser } from "@/lib/dashboard/access";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { processImage, removeStoredFiles, storeImageFiles } from "@/lib/uploads/processing";
import { uploadStorage, type UploadStorage } from "@/lib/uploads/storage";
import { storageKeysOf } from "@/lib/uploads/urls";
import { describeUses, findUploadUses, type UploadUse } from "@/lib/uploads/usage";

export interface StoredUpload {
  id: string;
  storageKey: string;
  mimeType: string;
  byteSize: number;
  width: number;
  height: number;
  originalName: string;
  widths: number[];
  createdAt: Date;
}

const uploadColumns = {
  id: true,
  storageKey: true,
  mimeType: true,
  byteSize: true,
  width: true,
  height: true,
  originalName: true,
  widths: true,
  createdAt: true,
} as const;

/** Stores an uploaded image and its row (see storeImageFiles). */
export async function storeUpload({
  user,
  fileName,
  bytes,
  now = new Date(),
  storage = uploadStorage(),
}: {
  user: DashboardUser;
  fileName: string;
  bytes: Buffer;
  now?: Date;
  storage?: UploadStorage;
}): Promise<StoredUpload> {
  return storeImageFiles({
    image: await processImage(bytes),
    now,
    storage,
    saveRow: (columns) =>
      db.upload.create({ data: { ...columns, originalName: fileName.slice(0, 255), uploaderId: user.id }, select: uploadColumns }),
  });
}

const visibleTo = (user: DashboardUser) => (isAdmin(user) ? {} : { uploaderId: user.id });

export interface UploadPage {
  uploads: (StoredUpload & { uploaderName: string; uses: UploadUse[] })[];
  page: number;
  pageCount: number;
  total: number;
}

/** The images a user may manage, newest first: their own, or everyone's for an admin. */
export async function listUploads({ user, page = 1, perPage = 24 }: { user: DashboardUser; page?: number; perPage?: number }): Promise<UploadPage> {
  const where = visibleTo(user);
  const [total, rows] = await Promise.all([
    db.upload.count({ where }),
    db.upload.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * perPage,
      take: perPage,
      select: { ...uploadColumns, uploader: { select: { name: true } } },
    }),
  ]);
  const uses = await findUploadUses(rows);
  return {
    uploads: rows.map(({ uploader, ...upload }) => ({ ...upload, uploaderName: uploader.name, uses: uses.get(upload.id) ?? [] })),
    page: Math.max(1, page),
    pageCount: Math.max(1, Math.ceil(total / perPage)),
    total,
  };
}

/**
 * Deletes an image the user may manage (another author's answers as a missing one). One that a
 * post or page shows is deleted only when the person has seen where and said so (`inUseConfirmed`).
 * The row goes first: files left behind by a failed removal are only wasted space, a row without
 * files a broken image in the library.
 */
export async function deleteUpload({
  user,
  id,
  inUseConfirmed = false,
  storage = uploadStorage(),
}: {
  user: DashboardUser;
  id: string;
  inUseConfirmed?: boolean;
  storage?: UploadStorage;
}): Promise<void> {
  const upload = await db.upload.findFirst({ where: { id, ...visibleTo(user) }, select: { id: true, storageKey: true, widths: true } });
  if (!upload) throw new NotFoundError("That image");
  const uses = (await findUploadUses([upload])).get(upload.id) ?? [];
  if (uses.length > 0 && !inUseConfirmed) {
    throw new ConflictError(`${describeUses(uses)}: ${uses.map((use) => `“${use.title}”`).join(", ")}. They will show a broken image. Delete anyway?`);
  }
  const { count } = await db.upload.deleteMany({ where: { id: upload.id } });
  if (count === 0) throw new NotFoundError("That image");
  await removeStoredFiles(storage, storageKeysOf(upload));
}
