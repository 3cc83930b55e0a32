import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StoredFile, UploadStorage } from "@/lib/uploads/storage";

type UploadFileClient = Pick<PrismaClient, "uploadFile">;

/**
 * Files as rows of "UploadFile" (UPLOAD_STORAGE=database): every server on the database serves
 * every image, and a backup of the database holds them. Keys are made by the server and only
 * ever compared, so they need no checking here beyond what the route does before asking.
 */
export class DatabaseStorage implements UploadStorage {
  private readonly client: () => Promise<UploadFileClient>;

  constructor(client: UploadFileClient | (() => Promise<UploadFileClient>)) {
    this.client = typeof client === "function" ? client : () => Promise.resolve(client);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const data = { bytes: new Uint8Array(bytes), contentType, byteSize: bytes.length, createdAt: new Date() };
    // The same key written twice keeps the last bytes, as a file would.
    await (await this.client()).uploadFile.upsert({ where: { key }, create: { key, ...data }, update: data });
  }

  async get(key: string): Promise<StoredFile | null> {
    const row = await (await this.client()).uploadFile.findUnique({ where: { key }, select: { bytes: true, contentType: true, createdAt: true } });
    return row && { bytes: Buffer.from(row.bytes), contentType: row.contentType, storedAt: row.createdAt };
  }

  async delete(key: string): Promise<void> {
    await (await this.client()).uploadFile.deleteMany({ where: { key } });
  }

  async list(): Promise<string[]> {
    const rows = await (await this.client()).uploadFile.findMany({ select: { key: true } });
    return rows.map((row) => row.key);
  }
}
