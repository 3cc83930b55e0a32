import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { isStorageKey } from "../../../lib/uploads/storage";
import { BACKUP_FORMAT_VERSION, type BackupManifest, MANIFEST_ENTRY, manifestSchema, RestoreRefusedError, tableEntry, UPLOADS_PREFIX } from "./manifest";
import { readTarEntry, readTarIndex, type TarEntry, TarFormatError } from "./tar";

/**
 * A backup's manifest and entries, once everything a restore relies on is checked: a tar with a
 * manifest of this format version listing exactly the entries there are, each of its size and
 * SHA-256, a rows file for every table and only image names under uploads/.
 */
export async function checkArchive(file: string) {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new RestoreRefusedError(`${file} cannot be read: ${error.code === "ENOENT" ? "there is no such file" : error.message}.`);
  });
  let entries: Map<string, TarEntry>;
  try {
    entries = await readTarIndex(handle);
  } catch (error) {
    if (error instanceof TarFormatError) throw new RestoreRefusedError(`${file} is not a Longhand backup, or is damaged: ${error.message}.`);
    throw error;
  } finally {
    await handle.close();
  }
  const manifestEntry = entries.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw new RestoreRefusedError(`${file} is not a Longhand backup: it has no ${MANIFEST_ENTRY}.`);
  const manifest = parseManifest((await readWhole(file, manifestEntry)).toString("utf8"));

  const listed = new Set(manifest.files.map((listedFile) => listedFile.path));
  const unlisted = [...entries.keys()].filter((name) => name !== MANIFEST_ENTRY && !listed.has(name));
  if (unlisted.length > 0) throw new RestoreRefusedError(`The backup holds files its manifest does not list (${unlisted.slice(0, 3).join(", ")}): it was changed after it was made.`);
  for (const expected of manifest.files) {
    const entry = entries.get(expected.path);
    if (!entry) throw new RestoreRefusedError(`The backup is missing ${expected.path}, which its manifest lists.`);
    if (entry.size !== expected.bytes || (await sha256Of(file, entry)) !== expected.sha256) {
      throw new RestoreRefusedError(`${expected.path} in the backup does not match its checksum in the manifest: the file is damaged. Nothing was restored.`);
    }
  }
  const missingTable = manifest.tables.find((table) => !listed.has(tableEntry(table.name)));
  if (missingTable) throw new RestoreRefusedError(`The backup has no rows file for ${missingTable.name}.`);
  const uploadKeys = manifest.files.filter((listedFile) => listedFile.path.startsWith(UPLOADS_PREFIX)).map((listedFile) => listedFile.path.slice(UPLOADS_PREFIX.length));
  const badKey = uploadKeys.find((key) => !isStorageKey(key));
  if (badKey) throw new RestoreRefusedError(`The backup holds ${UPLOADS_PREFIX}${badKey}, which is not an uploaded image's name.`);
  return { manifest, entries, uploadKeys };
}

function parseManifest(text: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RestoreRefusedError(`The backup's ${MANIFEST_ENTRY} is not JSON.`);
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== BACKUP_FORMAT_VERSION) {
    throw new RestoreRefusedError(`The backup is in format version ${String(version)}; this Longhand restores version ${BACKUP_FORMAT_VERSION} only.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new RestoreRefusedError(`The backup's ${MANIFEST_ENTRY} is not valid: ${parsed.error.issues[0]!.path.join(".")} ${parsed.error.issues[0]!.message}.`);
  return parsed.data;
}

async function sha256Of(file: string, entry: TarEntry): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of readTarEntry(file, entry)) hash.update(chunk);
  return hash.digest("hex");
}

export async function readWhole(file: string, entry: TarEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readTarEntry(file, entry)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
