/** What one request got: an answer with its body read, or no answer at all (refused, reset, timed out). */
export type Outcome = { status: number; headers: Headers; text: string; ms: number } | { error: string; ms: number };

export type Answer = Extract<Outcome, { status: number }>;

export interface RequestOptions {
  method?: "GET" | "POST";
  body?: FormData | URLSearchParams | string;
  headers?: Record<string, string>;
}

// A browser-like Accept keeps Next.js on its HTML path, as in the read benchmark.
const ACCEPT_HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

/**
 * One simulated person: their cookies and the address they come from (sent as X-Forwarded-For;
 * the soak's server trusts 127.0.0.1 as its proxy, so per-address limits are per person). Requests
 * go through Node's own fetch (undici), whose keep-alive pool the whole soak shares.
 */
export class Browser {
  private readonly cookies = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    readonly origin: string,
    readonly address: string,
    private readonly timeoutMs: number,
  ) {}

  async request(path: string, { method = "GET", body, headers = {} }: RequestOptions = {}): Promise<Outcome> {
    const startedAt = performance.now();
    const ms = () => performance.now() - startedAt;
    try {
      const response = await fetch(new URL(path, this.origin), {
        method,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          accept: ACCEPT_HTML,
          "user-agent": "longhand-soak",
          "x-forwarded-for": this.address,
          ...(method === "POST" ? { origin: this.origin } : {}),
          ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
          ...headers,
        },
      });
      const text = await response.text();
      this.keepCookies(response.headers);
      return { status: response.status, headers: response.headers, text, ms: ms() };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      return { error: `${error instanceof Error ? error.message : String(error)}${cause}`, ms: ms() };
    }
  }

  hasCookie(namePart: string): boolean {
    return [...this.cookies.keys()].some((name) => name.includes(namePart));
  }

  forgetCookies(): void {
    this.cookies.clear();
  }

  private cookieHeader(): string {
    const now = Date.now();
    return [...this.cookies]
      .filter(([, cookie]) => cookie.expiresAt > now)
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join("; ");
  }

  // Only what a session needs: name=value and when it expires (Max-Age wins over Expires, as in a
  // browser: the fresh-reads cookie lasts 10 seconds); an empty value removes it.
  private keepCookies(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";").map((part) => part.trim());
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const maxAge = attributes.find((attribute) => /^max-age=/i.test(attribute));
      const expires = attributes.find((attribute) => /^expires=/i.test(attribute));
      const expiresAt = maxAge
        ? Date.now() + Number(maxAge.slice("max-age=".length)) * 1000
        : expires
          ? Date.parse(expires.slice("expires=".length))
          : Number.POSITIVE_INFINITY;
      if (!value || !(expiresAt > Date.now())) this.cookies.delete(name);
      else this.cookies.set(name, { value, expiresAt });
    }
  }
}

export function answered(outcome: Outcome): outcome is Answer {
  return "status" in outcome;
}
