import "server-only";
import { db } from "@/lib/db";
import { altFromFileName, thumbnailOf } from "@/lib/uploads/urls";

/** An uploaded image the Appearance form offers for the header or the favicon. */
export interface ImageChoice {
  id: string;
  name: string;
  thumbnail: string;
}

const RECENT = 48;

/** The blog's newest uploads, and the ones chosen now however old (admins manage every upload). */
export async function listImageChoices(chosen: (string | null)[]): Promise<ImageChoice[]> {
  const select = { id: true, storageKey: true, width: true, height: true, widths: true, originalName: true } as const;
  const ids = chosen.filter((id) => id !== null);
  const [current, recent] = await Promise.all([
    ids.length ? db.upload.findMany({ where: { id: { in: ids } }, select }) : [],
    db.upload.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT, select }),
  ]);
  const distinct = new Map([...current, ...recent].map((upload) => [upload.id, upload]));
  return [...distinct.values()].map((upload) => ({ id: upload.id, name: `${altFromFileName(upload.originalName)} (${upload.width}×${upload.height})`, thumbnail: thumbnailOf(upload).src }));
}
