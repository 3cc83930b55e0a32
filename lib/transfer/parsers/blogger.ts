import "server-only";
// Blogger's two export formats: the classic Atom export (Settings › Back up content) and the
// newer Takeout feed.atom.
export { parseBloggerClassic } from "./blogger-classic";
export { parseBloggerTakeout } from "./blogger-takeout";
