import type { ExportFormat } from "../../lib/transfer/export/index";
import { EXPORT_FORMATS, exportFormatParam } from "../../lib/validation/transfer";

/** A mistake in what was asked, told to the person at the terminal as is. */
export class ExportArgsError extends Error {
  name = "ExportArgsError";
}

export const EXPORT_USAGE = `Usage: npm run export -- --format ${EXPORT_FORMATS.join("|")} [--out <file>]   (--out - writes to standard output)`;


/** `--format atom --out blog.xml` (or `--format=atom`); `out` undefined means the default file name. */
export function parseExportArgs(args: string[]): { format: ExportFormat; out: string | undefined } {
  const options = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const [name, inline] = args[index]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (name !== "--format" && name !== "--out") throw new ExportArgsError(`Unknown argument "${args[index]}".\n${EXPORT_USAGE}`);
    if (options.has(name)) throw new ExportArgsError(`${name} is given twice.\n${EXPORT_USAGE}`);
    const value = inline ?? args[++index];
    if (!value) throw new ExportArgsError(`${name} needs a value.\n${EXPORT_USAGE}`);
    options.set(name, value);
  }
  const format = options.get("--format");
  if (!format) throw new ExportArgsError(EXPORT_USAGE);
  const parsed = exportFormatParam.safeParse(format);
  if (!parsed.success) throw new ExportArgsError(`"${format}" is not an export format: use one of ${EXPORT_FORMATS.join(", ")}.\n${EXPORT_USAGE}`);
  return { format: parsed.data, out: options.get("--out") };
}
