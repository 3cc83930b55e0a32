// What a browser without JavaScript does, over plain HTTP: sign in through next-auth's credentials
// endpoint, post the comment form, and call a server action the way the dashboard's script does.

/** A request's answer as the chaos run counts it. */
export interface Answer {
  status: number | "hang" | "network error";
  body: string;
  location: string;
}

export async function request(url: string, init: RequestInit & { timeoutMs: number }): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs) });
    return { status: response.status, body: await response.text(), location: response.headers.get("location") ?? "" };
  } catch (error) {
    const hang = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { status: hang ? "hang" : "network error", body: "", location: "" };
  }
}

const cookiesFrom = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

/** Signs in with a password and returns the Cookie header that carries the session. */
export async function signInOverHttp(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesFrom(csrf).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  const session = cookiesFrom(response).find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`signing in as ${email} failed: ${response.status} ${response.headers.get("location")}`);
  return session;
}

/** The hidden fields of a page's comment form (the server action's id and the form key). */
export function commentFormFields(pageHtml: string): [string, string][] {
  const form = /<form id="comment-form"[\s\S]*?<\/form>/.exec(pageHtml)?.[0];
  if (!form) throw new Error("the post page has no comment form");
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
    name!,
    (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
  ]);
}

/** Posts the comment form as a browser without JavaScript does (the answer is a redirect). */
export function postCommentForm(url: string, fields: [string, string][], body: string, cookie: string, timeoutMs: number): Promise<Answer> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  form.append("body", body);
  return request(url, { method: "POST", body: form, headers: { cookie }, timeoutMs });
}

/** Calls a server action with plain arguments, as the dashboard's autosave does; the answer is Next's RSC payload. */
export function callServerAction(url: string, actionId: string, args: unknown[], cookie: string, timeoutMs: number): Promise<Answer> {
  return request(url, {
    method: "POST",
    headers: { cookie, "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify(args),
    timeoutMs,
  });
}
