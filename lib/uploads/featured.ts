import "server-only";
import { isAdmin, type DashboardUser } from "@/lib/dashboard/access";
import { db } from "@/lib/db";
import { uploadKeysIn } from "@/lib/uploads/responsive-images";
import { altFromFileName, srcSetFor, thumbnailOf, uploadUrl } from "@/lib/uploads/urls";

/** An image the featured-image field offers, with a small copy to show. */
export interface FeaturedImageChoice {
  id: string;
  thumbnail: string;
  name: string;
  inPost: boolean;
}

const RECENT = 24;

/**
 * What a post may feature: the images its body shows (whoever uploaded them), the one chosen now,
 * and the newest of the images the user may manage (everyone's for an admin).
 */
export async function listFeaturedImageChoices({ user, bodyHtml, selectedId }: { user: DashboardUser; bodyHtml: string; selectedId: string | null }): Promise<FeaturedImageChoice[]> {
  const keys = uploadKeysIn(bodyHtml);
  const select = { id: true, storageKey: true, width: true, height: true, widths: true, originalName: true } as const;
  const [inPost, recent] = await Promise.all([
    db.upload.findMany({ where: { OR: [{ storageKey: { in: keys } }, ...(selectedId ? [{ id: selectedId }] : [])] }, select }),
    db.upload.findMany({ where: isAdmin(user) ? {} : { uploaderId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT, select }),
  ]);
  // By id, so an image both in the post and recent is offered once, in the post's place.
  const distinct = new Map([...inPost, ...recent].map((upload) => [upload.id, upload]));
  return [...distinct.values()].map((upload) => ({
    id: upload.id,
    thumbnail: thumbnailOf(upload).src,
    name: altFromFileName(upload.originalName),
    inPost: keys.includes(upload.storageKey),
  }));
}

/** A post's featured image on reader pages: its address and size (og:image), and its resized copies (lists). */
export interface FeaturedImage {
  url: string;
  width: number;
  height: number;
  srcSet: string | null;
}

export const featuredImageSelect = { select: { storageKey: true, width: true, height: true, widths: true } } as const;

export function featuredImageOf(upload: { storageKey: string; width: number; height: number; widths: number[] } | null): FeaturedImage | null {
  return upload && { url: uploadUrl(upload.storageKey), width: upload.width, height: upload.height, srcSet: upload.widths.length > 0 ? srcSetFor(upload) : null };
}
