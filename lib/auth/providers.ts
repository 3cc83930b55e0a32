import "server-only";
import type { Provider } from "next-auth/providers/index";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { config, type Config } from "@/lib/config";

/** next-auth providers besides the password, each only when its settings are present (lib/config.ts checks the pairs). */
export function optionalProviders(settings: Config = config()): Provider[] {
  const providers: Provider[] = [];
  if (settings.GITHUB_ID && settings.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: settings.GITHUB_ID, clientSecret: settings.GITHUB_SECRET }));
  }
  if (settings.GOOGLE_CLIENT_ID && settings.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: settings.GOOGLE_CLIENT_ID, clientSecret: settings.GOOGLE_CLIENT_SECRET }));
  }
  if (settings.SMTP_URL && settings.EMAIL_FROM) {
    // Links last an hour, like password-reset links.
    providers.push(EmailProvider({ server: settings.SMTP_URL, from: settings.EMAIL_FROM, maxAge: 60 * 60 }));
  }
  return providers;
}

export interface OAuthButton {
  id: string;
  label: string;
}

/** The "Sign in with …" buttons: one per configured OAuth provider. */
export function oauthButtons(settings: Config = config()): OAuthButton[] {
  return optionalProviders(settings)
    .filter((provider) => provider.type === "oauth")
    .map((provider) => ({ id: provider.id, label: `Sign in with ${provider.name}` }));
}

/** Email sign-in links and password resets need an SMTP server to send through. */
export function emailConfigured(settings: Config = config()): boolean {
  return optionalProviders(settings).some((provider) => provider.type === "email");
}
