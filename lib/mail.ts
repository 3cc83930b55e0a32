import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";

export interface PlainMail {
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

/** Whether the blog can send email at all: without it, nothing can prove someone owns an address. */
export function mailConfigured(): boolean {
  const { SMTP_URL, EMAIL_FROM } = config();
  return Boolean(SMTP_URL && EMAIL_FROM);
}

/** Sends a plain-text message through SMTP_URL from EMAIL_FROM (both checked by lib/config.ts). */
export async function sendMail(mail: PlainMail): Promise<void> {
  const { SMTP_URL, EMAIL_FROM } = config();
  if (!SMTP_URL || !EMAIL_FROM) throw new Error("Email is not configured: set SMTP_URL and EMAIL_FROM.");
  await nodemailer.createTransport(SMTP_URL).sendMail({ from: EMAIL_FROM, ...mail });
}
