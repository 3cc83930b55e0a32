import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, parseConfig } from "../../../lib/config";
import { LocalFolderStorage } from "../../../lib/uploads/storage";
import { projectRoot } from "../paths";

/** Where the blog keeps its images, as the server would read it (UPLOAD_STORAGE, UPLOADS_DIR). */
export function uploadSettings(databaseUrl: string) {
  const { UPLOAD_STORAGE, UPLOADS_DIR } = parseConfig({ ...process.env, DATABASE_URL: databaseUrl });
  return { uploadStorage: UPLOAD_STORAGE, folder: new LocalFolderStorage(path.resolve(projectRoot, UPLOADS_DIR)) };
}

export const appVersion = (): string => (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string }).version;

/** npm runs scripts in the project's folder; a relative path is meant from where the command was typed. */
export const typedPath = (argument: string) => path.resolve(process.env.INIT_CWD || process.cwd(), argument);

/** The message for a failure the person at the terminal can act on, or undefined for a bug. */
export function explainFailure(error: unknown, known: (new (...args: never[]) => Error)[]): string | undefined {
  if (error instanceof ConfigError || known.some((kind) => error instanceof kind)) return (error as Error).message;
  return undefined;
}
