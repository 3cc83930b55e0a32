// The security headers server.mjs puts on every response it sends: pages (from its fast path or
// from Next), not-found and error pages, route handlers, feeds and uploads. README, "Security
// headers", says what each allows and why.

// Next's inline bootstrap scripts (`self.__next_f.push(...)`) differ on every page, and a reader
// page is one cached document for everyone: a per-request nonce cannot be baked into it, and
// hashing each page's scripts would mean holding back every streamed page until its last script.
// So scripts are allowed from this origin and inline, and everything around them is closed.
const SCRIPT_SOURCES = "'self' 'unsafe-inline'";

// Post bodies may embed YouTube and Vimeo players (lib/html.ts keeps no other iframe).
const VIDEO_PLAYERS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"];

// Signing in posts a form to this origin, which redirects the browser to GitHub or Google, or
// back to the blog's public address (NEXTAUTH_URL), which may differ from the origin the form is
// on ("localhost" for "127.0.0.1"): Chromium checks those redirects against form-action too.
const OAUTH_PROVIDERS = [
  { configured: (env) => Boolean(env.GITHUB_ID && env.GITHUB_SECRET), origin: "https://github.com" },
  { configured: (env) => Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET), origin: "https://accounts.google.com" },
];

const policy = (directives) => directives.map((directive) => directive.join(" ")).join("; ");

/** The origin of NEXTAUTH_URL, if set. */
function publicOrigin(env) {
  try {
    return [new URL(env.NEXTAUTH_URL).origin];
  } catch {
    return [];
  }
}

// The dashboard's Appearance page shows its preview (an ordinary page of this origin) in a frame,
// and that preview alone may be framed, by this origin only. Every other page may not be framed.
const APPEARANCE_PAGE = "/dashboard/appearance";
const APPEARANCE_PREVIEW = "/dashboard/appearance/preview";

/** @param {Record<string, string | undefined>} env @param {{ frames?: boolean, framedBySelf?: boolean }} [frame] */
function pagePolicy(env, { frames = false, framedBySelf = false } = {}) {
  const providers = OAUTH_PROVIDERS.filter(({ configured }) => configured(env)).map(({ origin }) => origin);
  return policy([
    ["default-src", "'self'"],
    ["script-src", SCRIPT_SOURCES],
    // React and the editor set style attributes.
    ["style-src", "'self'", "'unsafe-inline'"],
    // Imported posts may keep their images where they were (Blogger's, often over http).
    ["img-src", "'self'", "data:", "blob:", "https:", "http:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'"],
    ["frame-src", ...(frames ? ["'self'"] : []), ...VIDEO_PLAYERS],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...new Set([...publicOrigin(env), ...providers])],
    ["frame-ancestors", framedBySelf ? "'self'" : "'none'"],
  ]);
}

// An upload is shown as a document of its own when opened directly: nothing in it may run,
// load anything but itself, or reach this origin's cookies (sandbox gives it an opaque origin).
const UPLOAD_POLICY = policy([["default-src", "'none'"], ["img-src", "'self'"], ["style-src", "'unsafe-inline'"], ["frame-ancestors", "'none'"], ["sandbox"]]);

const PERMISSIONS_POLICY = ["accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb", "browsing-topics"]
  .map((feature) => `${feature}=()`)
  .join(", ");

// Browsers heed HSTS only when it arrives over HTTPS, and NEXTAUTH_URL is the address readers
// use, so an https one means the blog is served over HTTPS (directly or by a TLS proxy in front).
// Not includeSubDomains: other hosts under the same domain are not ours to pin.
const HSTS = "max-age=31536000";

/**
 * The headers for a response to a request for this address. server.mjs sets them before Next
 * handles a request, so a handler may still replace one; its fast path sends them with the rest of
 * a cached page's headers in one go (lib/cached-page-responder.mjs).
 * @param {Record<string, string | undefined>} env
 */
export function createSecurityHeaders(env) {
  const shared = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // frame-ancestors 'none' for browsers that predate it.
    "X-Frame-Options": "DENY",
    ...(env.NEXTAUTH_URL?.startsWith("https://") && { "Strict-Transport-Security": HSTS }),
  };
  const forPages = Object.entries({ ...shared, "Content-Security-Policy": pagePolicy(env) });
  const forUploads = Object.entries({ ...shared, "Content-Security-Policy": UPLOAD_POLICY });
  const forAppearancePage = Object.entries({ ...shared, "Content-Security-Policy": pagePolicy(env, { frames: true }) });
  const forAppearancePreview = Object.entries({ ...shared, "X-Frame-Options": "SAMEORIGIN", "Content-Security-Policy": pagePolicy(env, { framedBySelf: true }) });
  return (/** @type {string} */ url) => {
    if (url.startsWith("/uploads/")) return forUploads;
    const pathname = url.split("?")[0];
    if (pathname === APPEARANCE_PREVIEW) return forAppearancePreview;
    return pathname === APPEARANCE_PAGE ? forAppearancePage : forPages;
  };
}
