import "server-only";
import { db } from "@/lib/db";
import { ConflictError, InvalidFieldsError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LAYOUT_LOCK } from "@/lib/gadgets/layout-lock";
import { sanitizeGadgetHtml } from "@/lib/html";
import {
  type GadgetAreaName,
  type GadgetConfig,
  type GadgetKindName,
  gadgetConfigSchema,
  NEW_GADGET_CONFIG,
  type SaveGadgetInput,
  storedConfig,
} from "@/lib/validation/gadgets";

// The layout's gadgets: one function per operation. Positions are 0, 1, 2… within each area after
// every write, and writes take one lock, so two admins' moves never interleave.

export interface Gadget {
  id: string;
  area: GadgetAreaName;
  kind: GadgetKindName;
  title: string;
  config: GadgetConfig;
}

export type Layout = Record<GadgetAreaName, Gadget[]>;

type Tx = Prisma.TransactionClient;

const THE_GADGET = "That gadget";

/** The blog's images a profile gadget may show, newest first. */
export async function listPhotoChoices() {
  const uploads = await db.upload.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, originalName: true, storageKey: true } });
  return uploads.map((upload) => ({ id: upload.id, name: upload.originalName || upload.storageKey }));
}

/** The gadgets of both areas in order. A row whose settings no longer read (edited by hand, an old shape) is left out, not shown broken. */
export async function listLayout(): Promise<Layout> {
  const rows = await db.gadget.findMany({ orderBy: [{ area: "asc" }, { position: "asc" }], select: { id: true, area: true, kind: true, title: true, config: true } });
  const layout: Layout = { SIDEBAR: [], FOOTER: [] };
  for (const row of rows) {
    const config = readConfig(row.kind, row.config);
    if (config) layout[row.area].push({ id: row.id, area: row.area, kind: row.kind, title: row.title, config });
    else console.warn(`Gadget ${row.id} (${row.kind}) has settings that do not read; it is not shown.`);
  }
  return layout;
}

function readConfig(kind: GadgetKindName, stored: Prisma.JsonValue): GadgetConfig | null {
  const fields = stored !== null && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  const parsed = gadgetConfigSchema.safeParse({ ...fields, kind });
  if (!parsed.success) return null;
  // Sanitized when saved; again here, so a row written around the app shows nothing it should not.
  return parsed.data.kind === "HTML" ? { ...parsed.data, html: sanitizeGadgetHtml(parsed.data.html) } : parsed.data;
}

async function inLayoutLock<Result>(work: (tx: Tx) => Promise<Result>): Promise<Result> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LAYOUT_LOCK}))`;
    return work(tx);
  });
}

async function areaIds(tx: Tx, area: GadgetAreaName): Promise<string[]> {
  const rows = await tx.gadget.findMany({ where: { area }, orderBy: { position: "asc" }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Writes the area's order as given: position is each id's place in the list. */
async function writeOrder(tx: Tx, area: GadgetAreaName, ids: string[]) {
  for (const [position, id] of ids.entries()) await tx.gadget.update({ where: { id }, data: { area, position } });
}

async function findGadget(tx: Tx, id: string) {
  const gadget = await tx.gadget.findUnique({ where: { id }, select: { id: true, area: true, kind: true, title: true } });
  if (!gadget) throw new NotFoundError(THE_GADGET);
  return gadget;
}

/** A new gadget of the kind, with its default settings, at the foot of the area. */
export async function addGadget({ kind, area }: { kind: GadgetKindName; area: GadgetAreaName }) {
  return inLayoutLock(async (tx) => {
    const position = await tx.gadget.count({ where: { area } });
    return tx.gadget.create({ data: { kind, area, position, config: storedConfig(NEW_GADGET_CONFIG[kind]) }, select: { id: true, kind: true, area: true } });
  });
}

/** A gadget's title and settings; its kind stays what it was made as. */
export async function saveGadget({ id, title, ...config }: SaveGadgetInput) {
  return inLayoutLock(async (tx) => {
    const gadget = await findGadget(tx, id);
    if (gadget.kind !== config.kind) throw new ConflictError("That gadget is of another kind than this form: reload the page.");
    if (config.kind === "PROFILE" && config.photoId && !(await tx.upload.count({ where: { id: config.photoId } }))) {
      throw new InvalidFieldsError({ photoId: ["That photo is no longer among the blog's images: choose another."] });
    }
    const saved = config.kind === "HTML" ? { ...config, html: sanitizeGadgetHtml(config.html) } : config;
    await tx.gadget.update({ where: { id }, data: { title, config: storedConfig(saved) } });
    return { id, title, kind: gadget.kind };
  });
}

export async function removeGadget({ id }: { id: string }) {
  return inLayoutLock(async (tx) => {
    const gadget = await findGadget(tx, id);
    await tx.gadget.delete({ where: { id } });
    await writeOrder(tx, gadget.area, await areaIds(tx, gadget.area));
    return gadget;
  });
}

export type Move = "UP" | "DOWN" | "OTHER_AREA";

/**
 * One step up or down within its area, or to the foot of the other area. A step past either end
 * changes nothing and says so (a double click on "Move up" at the top).
 */
export async function moveGadget({ id, move }: { id: string; move: Move }) {
  return inLayoutLock(async (tx) => {
    const gadget = await findGadget(tx, id);
    const ids = await areaIds(tx, gadget.area);
    if (move === "OTHER_AREA") {
      const to: GadgetAreaName = gadget.area === "SIDEBAR" ? "FOOTER" : "SIDEBAR";
      const destination = [...(await areaIds(tx, to)), id];
      await writeOrder(tx, to, destination);
      await writeOrder(tx, gadget.area, ids.filter((other) => other !== id));
      return { ...gadget, area: to, position: destination.length - 1, of: destination.length };
    }
    const from = ids.indexOf(id);
    const place = move === "UP" ? from - 1 : from + 1;
    if (place < 0 || place >= ids.length) throw new ConflictError(`That gadget is already at the ${move === "UP" ? "top" : "foot"} of its area.`);
    [ids[from], ids[place]] = [ids[place]!, ids[from]!];
    await writeOrder(tx, gadget.area, ids);
    return { ...gadget, position: place, of: ids.length };
  });
}

/**
 * An area in the order a drag left it. The list must be exactly the area's gadgets as they are
 * now: one added, removed or moved elsewhere since the page was loaded (or an id made up) makes it
 * stale, and nothing changes.
 */
export async function reorderGadgets({ area, ids }: { area: GadgetAreaName; ids: string[] }) {
  return inLayoutLock(async (tx) => {
    const current = await areaIds(tx, area);
    const known = new Set(current);
    if (ids.length !== current.length || ids.some((id) => !known.has(id))) {
      throw new ConflictError("The layout changed since this page was loaded, so nothing was moved. Reload the page and try again.");
    }
    await writeOrder(tx, area, ids);
    return { area, count: ids.length };
  });
}
