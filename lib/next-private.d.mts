export const NEXT_VERSION_WRITTEN_FOR: string;
export function installedNextVersion(): string;
export const PRIVATE_MODULES: ReadonlyArray<{ specifier: string; functions: readonly string[] }>;
/** Why the fast path must stay off with this Next.js and build, or undefined when all it relies on is there. */
export function fastPathMismatch(options: { distDir: string; nextVersion?: string; privateModules?: typeof PRIVATE_MODULES; pageCacheKey?: (requestPath: string) => string | Promise<string> }): Promise<string | undefined>;
