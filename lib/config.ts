import "server-only";
import { isIP } from "node:net";
import { z } from "zod";

const optionalUrl = z.url({ message: "must be a URL" }).optional();

export type TrustedProxies = { hops: number } | { addresses: string[] };

function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

// How many proxies stand in front of the app ("1" for one nginx), or which addresses they have;
// unset means none, so the socket's address is the client's (lib/client-address.ts).
const trustedProxies = z
  .string()
  .transform((value, context): TrustedProxies | typeof z.NEVER => {
    if (/^\d+$/.test(value.trim()) && Number(value) >= 1) return { hops: Number(value) };
    const addresses = value.split(",").map((entry) => entry.trim()).filter(Boolean);
    const bad = addresses.find((entry) => !isAddressOrRange(entry));
    if (addresses.length > 0 && bad === undefined) return { addresses };
    context.addIssue({
      code: "custom",
      message: `must be a number of proxy hops (e.g. 1) or a comma-separated list of addresses and CIDR ranges (e.g. 10.0.0.2, 192.168.0.0/16); “${bad ?? value}” is neither`,
    });
    return z.NEVER;
  })
  .optional();

// Every setting the app reads from the environment, checked once at start-up (scripts/start.ts)
// and on first use in the server, so a typo fails loudly instead of half-working.
export const configSchema = z
  .object({
    DATABASE_URL: z
      .string({ message: "is required (the start script sets it for the embedded PostgreSQL)" })
      .regex(/^postgres(ql)?:\/\//, { message: "must be a postgresql:// URL" }),
    NEXTAUTH_URL: optionalUrl,
    NEXTAUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -base64 32)" }).optional(),
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: "must be an smtp:// or smtps:// URL" }).optional(),
    EMAIL_FROM: z.string().min(3).optional(),
    // Where uploaded images are kept (lib/uploads/storage.ts); a relative path is from the project root.
    UPLOADS_DIR: z.string().min(1).default(".data/uploads"),
    // "database" keeps them in PostgreSQL instead, so every instance sharing it serves every image.
    UPLOAD_STORAGE: z.enum(["local", "database"], { message: "must be local or database" }).default("local"),
    // The start script's data folder; the dashboard keeps uploaded exports under it while they import.
    LONGHAND_DATA_DIR: z.string().min(1).default(".data"),
    TRUSTED_PROXIES: trustedProxies,
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .superRefine((config, context) => {
    const pairs = [
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
      ["SMTP_URL", "EMAIL_FROM"],
    ] as const;
    for (const [first, second] of pairs) {
      if (Boolean(config[first]) !== Boolean(config[second])) {
        const missing = config[first] ? second : first;
        context.addIssue({ code: "custom", path: [missing], message: `is required when ${config[first] ? first : second} is set` });
      }
    }
    if (config.NODE_ENV === "production" && !config.NEXTAUTH_SECRET) {
      context.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Longhand's configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Environment variables that are set but empty count as unset: `FOO= npm start` means "no FOO". */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  return result.data;
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
