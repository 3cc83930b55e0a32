// Imported first by scripts/bench-read.ts, before scripts/lib/paths.ts reads LONGHAND_DIST_DIR
// (at import): the benchmark builds into .next-bench and never replaces the build npm start serves.
export const benchDistDir = ".next-bench";
process.env.LONGHAND_DIST_DIR = benchDistDir;
