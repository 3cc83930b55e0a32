import { readFileSync } from "node:fs";
import path from "node:path";
import { distDir } from "../paths";
import type { Browser, Outcome } from "./browser";

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/**
 * A server action's id, as the page's script carries it, read from the build's manifest by the
 * action's file and exported name: the comment edit form and the editor's autosave exist only in
 * script, so there is no HTML form to read the id from.
 */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`the build has no server action ${exportedName} in ${filename}`);
  return found[0];
}

/** What an action answered: the request's outcome, and the value it returned when it returned one. */
export type ActionOutcome = Outcome & { result?: unknown };

/**
 * Calls a server action as the page's script does (React's reply encoding, the `Next-Action`
 * header, an RSC answer). `args` are the action's arguments; a FormData argument goes as
 * multipart fields under React's `_<n>_` prefix.
 */
export async function callServerAction(browser: Browser, pagePath: string, actionId: string, args: unknown[]): Promise<ActionOutcome> {
  const outcome = await browser.request(pagePath, {
    method: "POST",
    headers: { "next-action": actionId, accept: "text/x-component" },
    body: encodeReply(args),
  });
  if (!("status" in outcome) || outcome.status !== 200) return outcome;
  return { ...outcome, result: actionResult(outcome.text) };
}

// Plain JSON when no argument is a FormData (React then sends text/plain); otherwise each FormData
// becomes `$K<n>` in the JSON, its fields prefixed `_<n>_`, and the JSON goes in field "0". The
// soak's arguments hold no strings starting with "$", which React would escape.
function encodeReply(args: unknown[]): string | FormData {
  let parts: FormData | undefined;
  let nextPart = 1;
  const json = JSON.stringify(args.map((arg) => {
    if (!(arg instanceof FormData)) return arg;
    parts ??= new FormData();
    const part = parts;
    const reference = nextPart++;
    arg.forEach((value, key) => part.append(`_${reference}_${key}`, value));
    return `$K${reference.toString(16)}`;
  }));
  if (!parts) return json;
  parts.append("0", json);
  return parts;
}

// The answer's row 0 names the row holding the action's value ("a":"$@<id>"); that row is JSON.
function actionResult(rsc: string): unknown {
  const rows = rsc.split("\n");
  const root = rows.find((row) => row.startsWith("0:"));
  const reference = root ? /"a":"\$@([0-9a-f]+)"/.exec(root)?.[1] : undefined;
  const row = reference ? rows.find((line) => line.startsWith(`${reference}:`)) : undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.slice(reference!.length + 1)) as unknown;
  } catch {
    return undefined;
  }
}
