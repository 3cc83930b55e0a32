import { describe, expect, test } from "vitest";
import { ConfigError, parseConfig } from "../lib/config";

const base = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/longhand" };

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration from the environment", () => {
  test("a database URL is all development needs", () => {
    expect(parseConfig(base)).toMatchObject({ DATABASE_URL: base.DATABASE_URL, NODE_ENV: "development" });
  });

  test("uploaded images live in .data/uploads unless UPLOADS_DIR says where", () => {
    expect(parseConfig(base).UPLOADS_DIR).toBe(".data/uploads");
    expect(parseConfig({ ...base, UPLOADS_DIR: "/srv/longhand/images" }).UPLOADS_DIR).toBe("/srv/longhand/images");
  });

  test("uploaded images are files unless UPLOAD_STORAGE says database; anything else is refused", () => {
    expect(parseConfig(base).UPLOAD_STORAGE).toBe("local");
    expect(parseConfig({ ...base, UPLOAD_STORAGE: "database" }).UPLOAD_STORAGE).toBe("database");
    expect(problems({ ...base, UPLOAD_STORAGE: "s3" })).toEqual(["UPLOAD_STORAGE must be local or database"]);
  });

  test("names each bad or missing variable with what is wrong", () => {
    expect(problems({})).toEqual(["DATABASE_URL is required (the start script sets it for the embedded PostgreSQL)"]);
    expect(problems({ DATABASE_URL: "mysql://x" })).toEqual(["DATABASE_URL must be a postgresql:// URL"]);
    expect(problems({ ...base, NEXTAUTH_URL: "not a url", NEXTAUTH_SECRET: "short" })).toEqual([
      "NEXTAUTH_URL must be a URL",
      "NEXTAUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)",
    ]);
  });

  test("OAuth and SMTP settings come in pairs", () => {
    expect(problems({ ...base, GITHUB_ID: "abc" })).toEqual(["GITHUB_SECRET is required when GITHUB_ID is set"]);
    expect(problems({ ...base, GOOGLE_CLIENT_SECRET: "s" })).toEqual(["GOOGLE_CLIENT_ID is required when GOOGLE_CLIENT_SECRET is set"]);
    expect(problems({ ...base, SMTP_URL: "smtp://127.0.0.1:2525" })).toEqual(["EMAIL_FROM is required when SMTP_URL is set"]);
    expect(problems({ ...base, SMTP_URL: "http://mail", EMAIL_FROM: "blog@example.com" })).toEqual([
      "SMTP_URL must be an smtp:// or smtps:// URL",
    ]);
  });

  test("production needs a session secret", () => {
    expect(problems({ ...base, NODE_ENV: "production" })).toEqual(["NEXTAUTH_SECRET is required in production"]);
    expect(parseConfig({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32) }).NEXTAUTH_SECRET).toHaveLength(32);
  });

  test("empty variables count as unset", () => {
    expect(parseConfig({ ...base, GITHUB_ID: "", GITHUB_SECRET: "" }).GITHUB_ID).toBeUndefined();
  });

  test("TRUSTED_PROXIES is none when unset, a number of hops, or a list of addresses and ranges", () => {
    expect(parseConfig(base).TRUSTED_PROXIES).toBeUndefined();
    expect(parseConfig({ ...base, TRUSTED_PROXIES: "" }).TRUSTED_PROXIES).toBeUndefined();
    expect(parseConfig({ ...base, TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toEqual({ hops: 1 });
    expect(parseConfig({ ...base, TRUSTED_PROXIES: "10.0.0.2, 192.168.0.0/16,::1" }).TRUSTED_PROXIES).toEqual({
      addresses: ["10.0.0.2", "192.168.0.0/16", "::1"],
    });
  });

  test("a TRUSTED_PROXIES that is neither hops nor addresses stops start-up with one line", () => {
    const hint = "must be a number of proxy hops (e.g. 1) or a comma-separated list of addresses and CIDR ranges (e.g. 10.0.0.2, 192.168.0.0/16)";
    expect(problems({ ...base, TRUSTED_PROXIES: "nginx" })).toEqual([`TRUSTED_PROXIES ${hint}; “nginx” is neither`]);
    expect(problems({ ...base, TRUSTED_PROXIES: "10.0.0.2, 10.0.0.0/33" })).toEqual([`TRUSTED_PROXIES ${hint}; “10.0.0.0/33” is neither`]);
    expect(problems({ ...base, TRUSTED_PROXIES: "0" })).toEqual([`TRUSTED_PROXIES ${hint}; “0” is neither`]);
  });

  test("the error message lists every problem on its own line", () => {
    expect(() => parseConfig({ DATABASE_URL: "x", NEXTAUTH_URL: "y" })).toThrow(
      "Longhand's configuration is not valid:\n  - DATABASE_URL must be a postgresql:// URL\n  - NEXTAUTH_URL must be a URL",
    );
  });
});
