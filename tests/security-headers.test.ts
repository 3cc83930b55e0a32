import { describe, expect, test } from "vitest";
import { createSecurityHeaders } from "../lib/security-headers.mjs";

// What server.mjs puts on every response, for the settings a deployment may have.
function headersFor(env: Record<string, string | undefined>, url: string): Record<string, string | undefined> {
  return Object.fromEntries(createSecurityHeaders(env)(url).map(([name, value]) => [name.toLowerCase(), value]));
}

const HTTP_BLOG = { NEXTAUTH_URL: "http://127.0.0.1:3000" };

describe("security headers", () => {
  test("HSTS only when the blog's address is https", () => {
    expect(headersFor(HTTP_BLOG, "/")["strict-transport-security"]).toBeUndefined();
    expect(headersFor({ NEXTAUTH_URL: "https://blog.example.com" }, "/")["strict-transport-security"]).toBe("max-age=31536000");
  });

  test("forms may lead to this origin, the blog's public address and the sign-in providers that are configured only", () => {
    expect(headersFor({}, "/sign-in")["content-security-policy"]).toContain("form-action 'self';");
    expect(headersFor(HTTP_BLOG, "/sign-in")["content-security-policy"]).toContain("form-action 'self' http://127.0.0.1:3000;");
    const both = { ...HTTP_BLOG, GITHUB_ID: "id", GITHUB_SECRET: "secret", GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "secret" };
    expect(headersFor(both, "/sign-in")["content-security-policy"]).toContain("form-action 'self' http://127.0.0.1:3000 https://github.com https://accounts.google.com;");
  });

  test("no page may be framed; an upload is sandboxed and loads nothing", () => {
    const page = headersFor(HTTP_BLOG, "/2012/12/a-post");
    expect(page["x-frame-options"]).toBe("DENY");
    expect(page["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(page["content-security-policy"]).toContain("object-src 'none'");
    const upload = headersFor(HTTP_BLOG, "/uploads/2026/11/abc.png");
    expect(upload["content-security-policy"]).toMatch(/^default-src 'none';.*; sandbox$/);
    expect(upload["x-content-type-options"]).toBe("nosniff");
  });

  test("only the appearance preview may be framed, by this origin, and only the Appearance page may frame this origin", () => {
    const preview = headersFor(HTTP_BLOG, "/dashboard/appearance/preview?theme=POSTCARD");
    expect(preview["x-frame-options"]).toBe("SAMEORIGIN");
    expect(preview["content-security-policy"]).toContain("frame-ancestors 'self'");
    const page = headersFor(HTTP_BLOG, "/dashboard/appearance");
    expect(page["content-security-policy"]).toContain("frame-src 'self' https://www.youtube.com");
    expect(page["content-security-policy"]).toContain("frame-ancestors 'none'");
    for (const other of ["/", "/dashboard/appearance/preview/x", "/dashboard/settings"]) {
      expect(headersFor(HTTP_BLOG, other)["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headersFor(HTTP_BLOG, other)["content-security-policy"]).not.toContain("frame-src 'self'");
    }
  });
});
