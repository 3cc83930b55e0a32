import { expect } from "vitest";
import { shareCachedPageHtml } from "../lib/cached-page-html.mjs";
import { recordFastPath } from "../lib/fast-path-status.mjs";
import { SEARCH_FRAME_QUERY, searchResultsPath } from "../lib/search-address.mjs";
import { frameResultsHtml } from "../lib/search-results-html";
import * as make from "./authorization-matrix-fixtures";
import type { Account, World } from "./authorization-matrix-fixtures";
import { CALLERS, type Caller, type Verdict } from "./authorization-matrix-verdicts";

// The designed answer of every server action and route handler to every caller. A new entry
// point needs a row here before the suite passes (tests/authorization-matrix.test.ts).

export type ServerFunction = (...args: unknown[]) => Promise<unknown>;

interface Arrival {
  /** The page a form is on, or the route's address. */
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: BodyInit;
}

export interface MatrixEntry<Input> {
  verdicts: Record<Caller, Verdict>;
  /** What the call works on, made afresh for each caller; the author owns it. */
  prepare: (world: World) => Promise<Input>;
  /** The request the call arrives in: the session cookie and Origin are added for the caller. */
  arrival: (input: Input) => Arrival;
  call: (entryPoint: ServerFunction, input: Input, request: Request) => Promise<unknown>;
  /** What the call changes, read before and after: an allowed call changes it, a refused one must not. */
  state?: (input: Input) => Promise<unknown>;
  /** For answers that differ by who asks: what this caller may see in it. */
  shows?: (caller: Caller, answer: unknown, input: Input, world: World) => Promise<void>;
}

const db = async () => (await import("../lib/db")).db;

const REFUSED_AS_SIGNED_OUT = { signedOut: "sign-in", disabled: "sign-in", endedSession: "sign-in", serverTools: "sign-in" } as const;
/** Dashboard work on the author's own things: another author's answer like missing ones; a reader has no dashboard. */
const OWNER_OR_ADMIN: Record<Caller, Verdict> = { ...REFUSED_AS_SIGNED_OUT, reader: "forbidden", demotedAuthor: "forbidden", otherAuthor: "not-found", author: "allowed", admin: "allowed" };
/** Dashboard work that makes something new: any author or admin. */
const ANY_WRITER: Record<Caller, Verdict> = { ...OWNER_OR_ADMIN, otherAuthor: "allowed" };
const ADMIN_ONLY: Record<Caller, Verdict> = { ...REFUSED_AS_SIGNED_OUT, reader: "forbidden", demotedAuthor: "forbidden", otherAuthor: "forbidden", author: "forbidden", admin: "allowed" };
/** Signed-in people, each on their own account. */
const ANY_ACCOUNT: Record<Caller, Verdict> = { ...REFUSED_AS_SIGNED_OUT, reader: "allowed", otherAuthor: "allowed", author: "allowed", demotedAuthor: "allowed", admin: "allowed" };
/** Open to anyone, signed in or not (reader pages' data, feeds, sign-up and password reset). */
const ANYONE: Record<Caller, Verdict> = Object.fromEntries(CALLERS.map((caller) => [caller, "allowed"])) as Record<Caller, Verdict>;

/** Whom the caller's request counts as: nobody without a session, with a disabled account, or with an ended session. */
const signedInAs = (caller: Caller, world: World) =>
  caller === "signedOut" || caller === "serverTools" || caller === "disabled" || caller === "endedSession" ? null : make.accountOf(caller, world);

const worldIds = (world: World) => Object.values(world).map((account) => account.id);

const entry = <Input>(definition: MatrixEntry<Input>) => definition as unknown as MatrixEntry<unknown>;

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

/** A form's action, called as useActionState calls it: (previous state, form data). */
const formCall =
  <Input>(fields: (input: Input) => Record<string, string | string[]>) =>
  (entryPoint: ServerFunction, input: Input) =>
    entryPoint(null, form(fields(input)));

/** An action the editor calls with an object (autosave, status changes). */
const objectCall =
  <Input>(argument: (input: Input) => object) =>
  (entryPoint: ServerFunction, input: Input) =>
    entryPoint(argument(input));

const routeCall =
  <Input>(params: (input: Input) => object = () => ({})) =>
  (entryPoint: ServerFunction, input: Input, request: Request) =>
    entryPoint(request, { params: Promise.resolve(params(input)) });

const layout = "lib/actions/dashboard/layout.ts";
/** A footer gadget of its own for one call (a move must have somewhere to go: the sidebar is always there). */
const makeGadget = async () => {
  const gadgets = (await db()).gadget;
  const { id } = await gadgets.create({ data: { area: "FOOTER", position: await gadgets.count({ where: { area: "FOOTER" } }), kind: "TEXT", config: { text: "Mine." } } });
  return id;
};
const gadgetRow = async (id: string) => (await db()).gadget.findUnique({ where: { id } });
const postRow = async ({ postId }: { postId: string }) => (await db()).post.findUnique({ where: { id: postId }, include: { pendingEdit: true } });
const pageRow = async ({ pageId }: { pageId: string }) => (await db()).page.findUnique({ where: { id: pageId }, include: { pendingEdit: true } });
const commentRow = async ({ commentId }: { commentId: string }) => (await db()).comment.findUnique({ where: { id: commentId } });
const userRow = async ({ target }: { target: Account }) => (await db()).user.findUnique({ where: { id: target.id } });

const onOwnPost = (state: Parameters<typeof make.makePost>[1] = "draft") => (world: World) => make.makePost(world.author, state);
const editorPage = (input: { postId: string }) => ({ path: `/dashboard/posts/${input.postId}` });
const postWrite = ({ postId, expectedVersion }: make.PostRef) => ({ postId, expectedVersion });

/** The editor's post actions: each on a post of the author's in the state it needs. */
function postAction(prepare: (world: World) => Promise<make.PostRef>, extra: (post: make.PostRef) => object = () => ({})) {
  return entry({ verdicts: OWNER_OR_ADMIN, prepare, arrival: editorPage, call: objectCall((post: make.PostRef) => ({ ...postWrite(post), ...extra(post) })), state: postRow });
}

type CommentOnPost = make.PostRef & { commentId: string };

const commentOnOwnPost = async (world: World, writer: (world: World) => Promise<Account> | Account, status?: "VISIBLE" | "PENDING"): Promise<CommentOnPost> => {
  const post = await make.makePost(world.author, "published");
  return { ...post, commentId: await make.makeComment(post.postId, await writer(world), status) };
};

const blogPost = "lib/actions/comments.ts";
const posts = "lib/actions/dashboard/posts.ts";
const pages = "lib/actions/dashboard/pages.ts";

export const MATRIX: Record<string, MatrixEntry<unknown>> = {
  // Accounts. Signing out ends only the caller's own sessions, so anyone may.
  "lib/actions/sign-out.ts#signOut": entry({
    verdicts: ANYONE,
    prepare: async () => null,
    arrival: () => ({ path: "/profile" }),
    call: (signOut) => signOut(),
  }),
  "lib/actions/sign-up.ts#signUp": entry({
    verdicts: ANYONE,
    prepare: async () => make.freshEmail(),
    arrival: () => ({ path: "/sign-up" }),
    call: formCall((email: string) => ({ name: "New Reader", email, password: "a long enough password", callbackUrl: "/" })),
    state: async (email: string) => (await db()).user.count({ where: { email } }),
  }),
  "lib/actions/forgot-password.ts#forgotPassword": entry({
    verdicts: ANYONE,
    prepare: () => make.makeAccount("READER"),
    arrival: () => ({ path: "/forgot-password" }),
    call: formCall((account: Account) => ({ email: account.email })),
    state: async (account: Account) => (await db()).verificationToken.count({ where: { identifier: { endsWith: account.email } } }),
  }),
  // The link stands for the account; whoever holds it may use it, signed in or not.
  "lib/actions/reset-password.ts#resetPasswordWithToken": entry({
    verdicts: ANYONE,
    prepare: async () => make.makeResetToken(await make.makeAccount("READER")),
    arrival: (token: string) => ({ path: `/reset-password?token=${token}` }),
    call: formCall((token: string) => ({ token, password: "a remembered password" })),
    state: async () => (await db()).verificationToken.count(),
  }),
  // A name of its own each time: a writer's name is refused to anyone else.
  "lib/actions/profile.ts#changeName": entry({
    verdicts: ANY_ACCOUNT,
    prepare: async () => `Renamed ${crypto.randomUUID().slice(0, 8)}`,
    arrival: () => ({ path: "/profile" }),
    call: formCall((name: string) => ({ name })),
    state: async (name: string) => (await db()).user.count({ where: { name } }),
  }),
  // A bio of its own each time, so the count says whether this call stored it.
  "lib/actions/profile.ts#changeBio": entry({
    verdicts: ANY_ACCOUNT,
    prepare: async () => `Bio ${crypto.randomUUID()}`,
    arrival: () => ({ path: "/profile" }),
    call: formCall((bio: string) => ({ bio })),
    state: async (bio: string) => (await db()).user.count({ where: { bio } }),
  }),
  "lib/actions/profile.ts#changeOwnPassword": entry({
    verdicts: ANY_ACCOUNT,
    prepare: make.forgetPasswords,
    arrival: () => ({ path: "/profile" }),
    call: formCall(() => ({ currentPassword: "", newPassword: "a brand new password" })),
    state: async (world: World) => (await db()).user.count({ where: { id: { in: worldIds(world) }, passwordHash: { not: null } } }),
  }),

  // Anyone signed in may choose it; only authors' posts draw comments to be told of.
  "lib/actions/profile.ts#changeCommentNotices": entry({
    verdicts: ANY_ACCOUNT,
    // Every account's notices on, so each caller's unticked box has something to turn off.
    prepare: async (world: World) => {
      await (await db()).user.updateMany({ where: { id: { in: worldIds(world) } }, data: { commentNotices: true } });
      return world;
    },
    arrival: () => ({ path: "/profile" }),
    call: formCall(() => ({})),
    state: async (world: World) => (await db()).user.count({ where: { id: { in: worldIds(world) }, commentNotices: false } }),
  }),

  // Comments under a post: any enabled account may comment; only the writer edits or deletes
  // their own (a moderator hides or removes instead); the post's author or an admin moderates.
  [`${blogPost}#postComment`]: entry({
    verdicts: ANY_ACCOUNT,
    prepare: (world) => make.makePost(world.author, "published"),
    arrival: (post: make.PostRef) => ({ path: post.permalink }),
    call: formCall((post: make.PostRef) => ({ postId: post.postId, body: "Lovely post.", formKey: crypto.randomUUID(), permalink: post.permalink })),
    state: async ({ postId }: make.PostRef) => (await db()).comment.count({ where: { postId } }),
  }),
  // On a blog open to ANYONE, anyone may: those without a working session comment as guests
  // (held for moderation), the signed-in as their accounts.
  [`${blogPost}#postGuestComment`]: entry({
    verdicts: ANYONE,
    prepare: async (world) => {
      await (await db()).setting.upsert({ where: { id: 1 }, create: { blogTitle: "Blog", commentPermission: "ANYONE" }, update: { commentPermission: "ANYONE" } });
      return make.makePost(world.author, "published");
    },
    arrival: (post: make.PostRef) => ({ path: post.permalink }),
    call: formCall((post: make.PostRef) => ({ postId: post.postId, body: "Lovely post.", formKey: crypto.randomUUID(), permalink: post.permalink, authorName: "A Guest" })),
    state: async ({ postId }: make.PostRef) => (await db()).comment.count({ where: { postId } }),
  }),
  [`${blogPost}#saveCommentEdit`]: entry({
    verdicts: { ...REFUSED_AS_SIGNED_OUT, reader: "refused", otherAuthor: "refused", author: "allowed", demotedAuthor: "allowed", admin: "refused" },
    prepare: (world) => commentOnOwnPost(world, (them) => them.author),
    arrival: (input: CommentOnPost) => ({ path: input.permalink }),
    call: formCall(({ commentId }: { commentId: string }) => ({ commentId, body: "Rewritten." })),
    state: commentRow,
  }),
  [`${blogPost}#deleteOwnComment`]: entry({
    verdicts: { ...REFUSED_AS_SIGNED_OUT, reader: "refused", otherAuthor: "refused", author: "allowed", demotedAuthor: "allowed", admin: "refused" },
    prepare: (world) => commentOnOwnPost(world, (them) => them.author),
    arrival: (input: CommentOnPost) => ({ path: input.permalink }),
    call: formCall(({ commentId }: { commentId: string }) => ({ commentId })),
    state: commentRow,
  }),
  [`${blogPost}#moderate`]: entry({
    // A demoted author's old posts are still theirs, but moderating is an author's work.
    verdicts: { ...REFUSED_AS_SIGNED_OUT, reader: "refused", otherAuthor: "refused", author: "allowed", demotedAuthor: "refused", admin: "allowed" },
    prepare: (world) => commentOnOwnPost(world, () => make.makeAccount("READER")),
    arrival: (input: CommentOnPost) => ({ path: input.permalink }),
    call: formCall(({ commentId }: { commentId: string }) => ({ commentId, decision: "hide" })),
    state: commentRow,
  }),

  // The dashboard: posts.
  [`${posts}#createDraftAction`]: entry({
    verdicts: ANY_WRITER,
    prepare: async () => null,
    arrival: () => ({ path: "/dashboard/posts" }),
    call: (createDraft) => createDraft(new FormData()),
    state: async () => (await db()).post.count(),
  }),
  [`${posts}#savePostAction`]: postAction(onOwnPost(), () => ({ saveId: crypto.randomUUID(), title: "Taken over", slug: `taken-${crypto.randomUUID()}`, excerpt: "", bodyHtml: "<p>Mine now.</p>", labels: [] })),
  [`${posts}#getPostForEditingAction`]: entry({
    verdicts: OWNER_OR_ADMIN,
    prepare: onOwnPost(),
    arrival: editorPage,
    call: objectCall(({ postId }: make.PostRef) => ({ postId })),
  }),
  [`${posts}#publishPostAction`]: postAction(onOwnPost()),
  [`${posts}#schedulePostAction`]: postAction(onOwnPost(), () => ({ day: 1, month: 6, year: 2100, time: "09:30" })),
  [`${posts}#redatePostAction`]: postAction(onOwnPost("published"), () => ({ day: 3, month: 4, year: 2019, time: "08:15" })),
  [`${posts}#unpublishPostAction`]: postAction(onOwnPost("published")),
  [`${posts}#updatePostAction`]: postAction((world) => make.makePostWithPendingEdit(world.author)),
  [`${posts}#discardChangesAction`]: postAction((world) => make.makePostWithPendingEdit(world.author)),
  [`${posts}#setCommentsOpenAction`]: entry({
    verdicts: OWNER_OR_ADMIN,
    prepare: onOwnPost("published"),
    arrival: editorPage,
    call: objectCall(({ postId }: make.PostRef) => ({ postId, open: false })),
    state: postRow,
  }),
  [`${posts}#trashPostAction`]: postAction(onOwnPost()),
  [`${posts}#restorePostAction`]: postAction(onOwnPost("trashed")),
  [`${posts}#deletePostForeverAction`]: postAction(onOwnPost("trashed")),
  "lib/actions/dashboard/revisions.ts#restoreRevisionAction": entry({
    verdicts: OWNER_OR_ADMIN,
    prepare: async (world) => {
      const post = await make.makePost(world.author);
      return { ...post, revisionId: await make.makeRevision(world.author, post.postId) };
    },
    arrival: (input: make.PostRef) => ({ path: `/dashboard/posts/${input.postId}/revisions` }),
    call: formCall(({ postId, revisionId, expectedVersion }: make.PostRef & { revisionId: string }) => ({ postId, revisionId, expectedVersion: String(expectedVersion) })),
    state: postRow,
  }),

  // The dashboard: pages.
  [`${pages}#createPageAction`]: entry({
    verdicts: ANY_WRITER,
    prepare: async () => `new-page-${crypto.randomUUID()}`,
    arrival: () => ({ path: "/dashboard/pages/new" }),
    call: formCall((slug: string) => ({ title: "A new page", slug, bodyHtml: "<p>Hello.</p>" })),
    state: async () => (await db()).page.count(),
  }),
  [`${pages}#savePageAction`]: entry({
    verdicts: OWNER_OR_ADMIN,
    prepare: (world) => make.makePage(world.author),
    arrival: (page: make.PageRef) => ({ path: `/dashboard/pages/${page.pageId}` }),
    call: formCall(({ pageId, expectedVersion, slug }: make.PageRef) => ({ pageId, expectedVersion: String(expectedVersion), slug, title: "Taken over", bodyHtml: "<p>Mine now.</p>" })),
    state: pageRow,
  }),
  ...Object.fromEntries(
    (
      [
        ["publishPageAction", {}],
        ["unpublishPageAction", { published: true }],
        ["updatePageAction", { published: true, pendingEdit: true }],
        ["discardPageChangesAction", { published: true, pendingEdit: true }],
      ] as const
    ).map(([name, standing]) => [
      `${pages}#${name}`,
      entry({
        verdicts: OWNER_OR_ADMIN,
        prepare: (world) => make.makePage(world.author, standing),
        arrival: (page: make.PageRef) => ({ path: `/dashboard/pages/${page.pageId}` }),
        call: formCall(({ pageId }: make.PageRef) => ({ pageId })),
        state: pageRow,
      }),
    ]),
  ),
  [`${pages}#deletePageAction`]: entry({
    verdicts: OWNER_OR_ADMIN,
    prepare: (world) => make.makePage(world.author),
    arrival: (page: make.PageRef) => ({ path: `/dashboard/pages/${page.pageId}` }),
    call: formCall(({ pageId }: make.PageRef) => ({ pageId, confirm: "yes" })),
    state: pageRow,
  }),

  // The dashboard: images, comments, people, settings.
  "lib/actions/dashboard/images.ts#deleteImage": entry({
    verdicts: OWNER_OR_ADMIN,
    prepare: (world) => make.makeUpload(world.author),
    arrival: () => ({ path: "/dashboard/images" }),
    call: formCall(({ id }: { id: string }) => ({ id })),
    state: async ({ id }: { id: string }) => (await db()).upload.findUnique({ where: { id } }),
  }),
  // Anyone who writes may list the images they could feature; another author's are not among them.
  "lib/actions/dashboard/images.ts#featuredImageChoicesAction": entry({
    verdicts: ANY_WRITER,
    prepare: (world) => make.makeUpload(world.author),
    arrival: () => ({ path: "/dashboard/posts/new" }),
    call: objectCall(() => ({ bodyHtml: "", selectedId: null })),
    shows: async (caller, answer, upload) => {
      if (caller !== "author" && caller !== "admin" && caller !== "otherAuthor") return;
      const offered = (answer as { data: { id: string }[] }).data.map((choice) => choice.id);
      expect(offered.includes((upload as { id: string }).id), `${caller} is offered the author's image`).toBe(caller !== "otherAuthor");
    },
  }),
  "lib/actions/dashboard/moderation-queue.ts#moderateQueue": entry({
    verdicts: OWNER_OR_ADMIN,
    prepare: (world) => commentOnOwnPost(world, () => make.makeAccount("READER"), "PENDING"),
    arrival: () => ({ path: "/dashboard/comments" }),
    call: formCall(({ commentId }: { commentId: string }) => ({ decision: "approve", commentIds: [commentId] })),
    state: commentRow,
  }),
  "lib/actions/dashboard/mail-notices.ts#handleGivenUpNotices": entry({
    verdicts: ADMIN_ONLY,
    prepare: async (world) => {
      const commentId = await make.makeComment((await make.makePost(world.author, "published")).postId, world.author);
      const notice = await (await db()).mailNotice.create({ data: { commentId, to: "gone@example.test", subject: "New comment", text: "A comment.", attempts: 6, gaveUpAt: new Date() } });
      return { noticeId: notice.id };
    },
    arrival: () => ({ path: "/dashboard/comments" }),
    call: formCall(() => ({ choice: "retry" })),
    state: async ({ noticeId }: { noticeId: string }) => (await db()).mailNotice.findUnique({ where: { id: noticeId }, select: { gaveUpAt: true, attempts: true } }),
  }),
  "lib/actions/dashboard/users.ts#changeRole": entry({
    verdicts: ADMIN_ONLY,
    prepare: async () => ({ target: await make.makeAccount("READER") }),
    arrival: () => ({ path: "/dashboard/users" }),
    call: formCall(({ target }: { target: Account }) => ({ userId: target.id, role: "ADMIN" })),
    state: userRow,
  }),
  "lib/actions/dashboard/users.ts#setDisabled": entry({
    verdicts: ADMIN_ONLY,
    prepare: async () => ({ target: await make.makeAccount("AUTHOR") }),
    arrival: () => ({ path: "/dashboard/users" }),
    call: formCall(({ target }: { target: Account }) => ({ userId: target.id, disabled: "true" })),
    state: userRow,
  }),
  "lib/actions/dashboard/settings.ts#saveSettings": entry({
    verdicts: ADMIN_ONLY,
    prepare: async () => `Taken over ${crypto.randomUUID()}`,
    arrival: () => ({ path: "/dashboard/settings" }),
    // Only the title changes: the comment rules stay as the comment rows above expect them.
    call: formCall((blogTitle: string) => ({
      blogTitle,
      description: "",
      postsPerPage: "7",
      timeZone: "UTC",
      locale: "en-GB",
      commentPermission: "SIGNED_IN",
      commentModeration: "NEVER",
      moderateAfterDays: "14",
    })),
    state: async () => (await db()).setting.findUnique({ where: { id: 1 } }),
  }),

  // The Layout page: admins only. Each call works on a gadget of its own, so the state says whether it changed.
  [`${layout}#addGadgetAction`]: entry({
    verdicts: ADMIN_ONLY,
    prepare: async () => null,
    arrival: () => ({ path: "/dashboard/layout" }),
    call: formCall(() => ({ kind: "TEXT", area: "FOOTER" })),
    state: async () => (await db()).gadget.count(),
  }),
  [`${layout}#saveGadgetAction`]: entry({
    verdicts: ADMIN_ONLY,
    prepare: makeGadget,
    arrival: () => ({ path: "/dashboard/layout" }),
    call: formCall((id: string) => ({ id, kind: "TEXT", title: "Taken over", text: "Taken over." })),
    state: gadgetRow,
  }),
  [`${layout}#removeGadgetAction`]: entry({
    verdicts: ADMIN_ONLY,
    prepare: makeGadget,
    arrival: () => ({ path: "/dashboard/layout" }),
    call: formCall((id: string) => ({ id })),
    state: gadgetRow,
  }),
  [`${layout}#moveGadgetAction`]: entry({
    verdicts: ADMIN_ONLY,
    prepare: makeGadget,
    arrival: () => ({ path: "/dashboard/layout" }),
    call: formCall((id: string) => ({ id, move: "OTHER_AREA" })),
    state: gadgetRow,
  }),
  [`${layout}#reorderGadgetsAction`]: entry({
    verdicts: ADMIN_ONLY,
    prepare: async () => {
      // Two at least, so the reversed order is a change.
      await makeGadget();
      await makeGadget();
      return (await (await db()).gadget.findMany({ where: { area: "FOOTER" }, orderBy: { position: "asc" }, select: { id: true } })).map(({ id }) => id);
    },
    arrival: () => ({ path: "/dashboard/layout" }),
    call: objectCall((ids: string[]) => ({ area: "FOOTER", ids: [...ids].reverse() })),
    state: async () => (await db()).gadget.findMany({ where: { area: "FOOTER" }, orderBy: { position: "asc" }, select: { id: true } }),
  }),
  "lib/actions/dashboard/appearance.ts#saveAppearance": entry({
    verdicts: ADMIN_ONLY,
    // A dark accent of its own for each caller (passes contrast on every light page), so an allowed save changes the row.
    prepare: async () => `#${crypto.getRandomValues(new Uint8Array(3)).reduce((hex, byte) => hex + (byte % 64).toString(16).padStart(2, "0"), "")}`,
    arrival: () => ({ path: "/dashboard/appearance" }),
    call: formCall((accentLight: string) => ({
      theme: "SIMPLE",
      accentLight,
      accentDark: "#f0a878",
      headingFont: "system-serif",
      bodyFont: "system-serif",
      headerImageId: "",
      faviconId: "",
    })),
    state: async () => (await db()).appearance.findUnique({ where: { id: 1 } }),
  }),

  // Route handlers. Imports and exports are the admin's; an author uploads images.
  "app/(dashboard)/dashboard/import/export/[format]/route.ts#GET": entry({
    verdicts: ADMIN_ONLY,
    prepare: async () => null,
    arrival: () => ({ path: "/dashboard/import/export/json" }),
    call: async (handler, _input, request) => {
      const response = (await handler(request, { params: Promise.resolve({ format: "json" }) })) as Response;
      // Read to the end, as a download is: the export runs whole, and refusals are read too.
      await response.clone().arrayBuffer();
      return response;
    },
  }),
  // The archive dropdown's answer: a reader page's form, for anyone.
  "app/archive/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: async () => null,
    arrival: () => ({ path: "/archive?period=2011/09", method: "GET" }),
    call: routeCall(),
  }),
  // Past every check of who asks, an empty body is refused as such: nothing is imported.
  "app/api/imports/route.ts#POST": entry({
    verdicts: { ...ADMIN_ONLY, admin: "invalid" },
    prepare: async () => null,
    arrival: () => ({ path: "/api/imports", method: "POST", headers: { "x-file-name": "blog.json" } }),
    call: routeCall(),
    state: async () => (await db()).importJob.count(),
  }),
  "app/api/imports/[id]/route.ts#GET": entry({
    verdicts: ADMIN_ONLY,
    prepare: async (world) => (await db()).importJob.create({ data: { fileName: "blog.json", byteSize: 10, createdById: world.admin.id, status: "SUCCEEDED" } }),
    arrival: ({ id }: { id: string }) => ({ path: `/api/imports/${id}` }),
    call: routeCall(({ id }: { id: string }) => ({ id })),
  }),
  "app/api/uploads/route.ts#POST": entry({
    verdicts: ANY_WRITER,
    prepare: () => make.smallPng(),
    arrival: (png: Buffer) => ({ path: "/api/uploads", method: "POST", body: imageForm(png) }),
    call: routeCall(),
    state: async () => (await db()).upload.count(),
  }),
  // Who is reading: everyone may ask; it tells each only about themselves.
  "app/api/viewer/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: async () => null,
    arrival: () => ({ path: "/api/viewer" }),
    call: routeCall(),
    shows: async (caller, answer, _input, world) => {
      const { user } = (await (answer as Response).json()) as { user: { name: string } | null };
      expect(user?.name ?? null, `who /api/viewer says ${caller} is`).toBe(signedInAs(caller, world)?.name ?? null);
    },
  }),
  // Health checks for supervisors and load balancers: the same answer for anyone, changing nothing.
  "app/api/health/route.ts#GET": entry({ verdicts: ANYONE, prepare: async () => null, arrival: () => ({ path: "/api/health" }), call: routeCall() }),
  "app/api/health/ready/route.ts#GET": entry({
    verdicts: ANYONE,
    // As server.mjs does at start-up when its fast path is on; the test database has every migration.
    prepare: async () => recordFastPath(undefined),
    arrival: () => ({ path: "/api/health/ready" }),
    call: routeCall(),
  }),
  // next-auth's own endpoints (sign-in, callbacks, CSRF, session): open by design, with next-auth's
  // own checks; its session endpoint names only an account that may be signed in now.
  "app/api/auth/[...nextauth]/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: async () => null,
    arrival: () => ({ path: "/api/auth/session" }),
    call: routeCall(() => ({ nextauth: ["session"] })),
    shows: async (caller, answer, _input, world) => {
      const session = (await (answer as Response).json()) as { user?: { email: string } };
      expect(session.user?.email ?? null, `whose session next-auth tells ${caller} it has`).toBe(signedInAs(caller, world)?.email ?? null);
    },
  }),
  "app/api/auth/[...nextauth]/route.ts#POST": entry({
    verdicts: ANYONE,
    prepare: async () => null,
    arrival: () => ({ path: "/api/auth/signout", method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "csrfToken=none" }),
    call: routeCall(() => ({ nextauth: ["signout"] })),
  }),
  // Only the server's own tools, holding its secret; a session of any kind counts for nothing.
  ...Object.fromEntries(
    ["expire-caches", "publish-due", "send-notices"].map((name) => [
      `app/api/internal/${name}/route.ts#POST`,
      entry({
        verdicts: { ...Object.fromEntries(CALLERS.map((caller) => [caller, "forbidden"])), serverTools: "allowed" } as Record<Caller, Verdict>,
        prepare: async () => null,
        arrival: () => ({ path: `/api/internal/${name}`, method: "POST" }),
        call: routeCall(),
      }),
    ]),
  ),

  // An emailed unsubscribe link: the signed token is the authority, whoever holds it, signed in or not.
  "app/api/unsubscribe/route.ts#POST": entry({
    verdicts: ANYONE,
    prepare: async (world) => make.makeSubscription(world.author),
    arrival: ({ token }: make.Subscription) => ({ path: `/api/unsubscribe?token=${token}`, method: "POST" }),
    call: routeCall(),
    state: async ({ subscriptionId }: make.Subscription) => (await db()).commentSubscription.findUnique({ where: { id: subscriptionId } }),
  }),

  // What readers fetch: the same for everyone.
  "app/feeds/posts/default/route.ts#GET": entry({ verdicts: ANYONE, prepare: onOwnPost("published"), arrival: () => ({ path: "/feeds/posts/default" }), call: routeCall() }),
  "app/feeds/comments/default/route.ts#GET": entry({ verdicts: ANYONE, prepare: async () => null, arrival: () => ({ path: "/feeds/comments/default" }), call: routeCall() }),
  "app/feeds/[postId]/comments/default/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: onOwnPost("published"),
    arrival: ({ postId }: make.PostRef) => ({ path: `/feeds/${postId}/comments/default` }),
    call: routeCall(({ postId }: make.PostRef) => ({ postId })),
  }),
  "app/feeds/posts/default/-/[label]/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: (world) => make.makeLabelledPost(world.author),
    arrival: ({ label }: { label: string }) => ({ path: `/feeds/posts/default/-/${label}` }),
    call: routeCall(({ label }: { label: string }) => ({ label })),
  }),
  "app/feeds/cached/[alt]/[take]/[...feed]/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: (world) => make.makeLabelledPost(world.author),
    arrival: ({ label }: { label: string }) => ({ path: `/feeds/cached/rss/25/posts/${label}` }),
    call: routeCall(({ label }: { label: string }) => ({ alt: "rss", take: "25", feed: ["posts", label] })),
  }),
  // A query's first answer, made from the frame server.mjs shares (here a bare one): the same for everyone.
  "app/search-first/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: async () => {
      const frameResults = frameResultsHtml("en-GB");
      shareCachedPageHtml((path) => (path === searchResultsPath(SEARCH_FRAME_QUERY) ? `<main>${frameResults}</main>` : undefined));
    },
    arrival: () => ({ path: "/search-first?q=harbour" }),
    call: routeCall(),
    shows: async (caller, answer) => expect((answer as Response).status, `${caller}'s first answer`).toBe(200),
  }),
  // A reader's own light or dark: a cookie on their browser, for anyone.
  "app/appearance/scheme/route.ts#POST": entry({
    verdicts: ANYONE,
    prepare: async () => null,
    arrival: () => ({
      path: "/appearance/scheme",
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", referer: `${make.BLOG_URL}/search?q=harbour` },
      body: "scheme=dark",
    }),
    call: routeCall(),
  }),
  "app/appearance/scheme.css/route.ts#GET": entry({ verdicts: ANYONE, prepare: async () => null, arrival: () => ({ path: "/appearance/scheme.css" }), call: routeCall() }),
  "app/fonts/[file]/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: async () => null,
    arrival: () => ({ path: "/fonts/lora-latin-400-normal.woff2" }),
    call: routeCall(() => ({ file: "lora-latin-400-normal.woff2" })),
  }),
  "app/uploads/[...key]/route.ts#GET": entry({
    verdicts: ANYONE,
    prepare: (world) => make.makeUpload(world.author),
    arrival: ({ storageKey }: { storageKey: string }) => ({ path: `/uploads/${storageKey}` }),
    call: routeCall(({ storageKey }: { storageKey: string }) => ({ key: storageKey.split("/") })),
  }),
};

function imageForm(png: Buffer): FormData {
  const data = new FormData();
  data.append("file", new File([new Uint8Array(png)], "harbour.png", { type: "image/png" }));
  return data;
}
