import "server-only";
import type { PrismaClient } from "../../generated/prisma/client";
import { exportAtom } from "./atom";
import { exportJson } from "./json";
import { exportWxr } from "./wxr";

import type { EXPORT_FORMATS } from "../../validation/transfer";

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** The export's own timestamp (the only thing that differs between two exports of one blog). */
  now: Date;
  /** The blog's public address, for absolute links ("https://blog.example.com"). */
  siteUrl: string;
}

/** Writes the whole blog in one format as text chunks, reading a batch of rows at a time. */
export type Exporter = (db: PrismaClient, options: ExportOptions) => AsyncGenerator<string>;

const EXPORTERS: Record<ExportFormat, Exporter> = { atom: exportAtom, wxr: exportWxr, json: exportJson };

/** File name and content type for a download, and the command line's default `--out`. */
export function exportFileFor(format: ExportFormat, now: Date): { fileName: string; contentType: string } {
  const day = now.toISOString().slice(0, 10);
  if (format === "json") return { fileName: `longhand-export-${day}.json`, contentType: "application/json; charset=utf-8" };
  if (format === "wxr") return { fileName: `longhand-export-${day}.wordpress.xml`, contentType: "application/xml; charset=utf-8" };
  return { fileName: `longhand-export-${day}.atom.xml`, contentType: "application/atom+xml; charset=utf-8" };
}

/** The whole blog in one format, streamed: a big blog is never held whole in memory. */
export function exportBlog(db: PrismaClient, format: ExportFormat, options: ExportOptions): AsyncGenerator<string> {
  return EXPORTERS[format](db, options);
}
