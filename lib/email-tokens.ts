import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** One use of an emailed one-time link: its own prefix in next-auth's VerificationToken table, and how long it lasts. */
export interface EmailLinkKind {
  // next-auth's email sign-in tokens share the table, keyed by the bare email: a prefix never collides.
  prefix: string;
  lifetimeMs: number;
}

// Only a hash is stored, so a leaked database (or backup) holds no usable link.
function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token for the email's link of this kind; it replaces the email's earlier ones. */
export async function issueEmailToken(kind: EmailLinkKind, email: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const identifier = `${kind.prefix}${email}`;
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier } }),
    db.verificationToken.create({ data: { identifier, token: tokenHash(token), expires: new Date(Date.now() + kind.lifetimeMs) } }),
  ]);
  return token;
}

/** The email a link of this kind belongs to, or null when it is unknown, used or expired. */
export async function emailForToken(kind: EmailLinkKind, token: string): Promise<string | null> {
  const row = await db.verificationToken.findUnique({ where: { token: tokenHash(token) } });
  if (!row || !row.identifier.startsWith(kind.prefix) || row.expires <= new Date()) return null;
  return row.identifier.slice(kind.prefix.length);
}

/**
 * Deletes the unexpired token of this email's link, inside the caller's transaction: of two uses
 * of the same link only the one that deletes it goes on.
 */
export async function spendEmailToken(tx: Prisma.TransactionClient, kind: EmailLinkKind, email: string, token: string): Promise<boolean> {
  const spent = await tx.verificationToken.deleteMany({ where: { token: tokenHash(token), identifier: `${kind.prefix}${email}`, expires: { gt: new Date() } } });
  return spent.count === 1;
}
