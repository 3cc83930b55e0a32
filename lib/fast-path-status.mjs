// Whether server.mjs's fast path is on, for the readiness check (app/api/health/ready). Kept on
// globalThis rather than in this module: Next bundles the route with its own copy of the module,
// and both copies run in the one server process. Unset (never recorded) means the app is served
// some other way (`next start`, `next dev`), which has no fast path either.
const FAST_PATH_ON = Symbol.for("longhand.fastPathOn");

const processWide = /** @type {{ [FAST_PATH_ON]?: boolean }} */ (/** @type {unknown} */ (globalThis));

/** server.mjs records what its start-up check found: why the fast path is off, or undefined when it is on. */
export function recordFastPath(whyOff) {
  processWide[FAST_PATH_ON] = whyOff === undefined;
}

/** Whether this process serves cached pages through server.mjs's fast path. */
export function fastPathIsOn() {
  return processWide[FAST_PATH_ON] === true;
}
