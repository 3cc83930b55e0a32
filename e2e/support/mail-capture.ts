import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  /** The List-Unsubscribe and List-Unsubscribe-Post headers' values (RFC 8058), when the message has them. */
  listUnsubscribe?: string;
  listUnsubscribePost?: string;
}

export interface MailCapture {
  smtpUrl: string;
  /** Where each message is written as JSON, one file per message. */
  dir: string;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it is sent, for the blog to send to in
 * tests. While `refusing` says so, it turns every message away as a failing mail server would.
 */
export async function startMailCapture({ refusing = () => false }: { refusing?: () => boolean } = {}): Promise<MailCapture> {
  const dir = await mkdtemp(path.join(tmpdir(), "longhand-mail-"));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      if (refusing()) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Mailbox unavailable, try later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then(async (parsed) => {
          const mail: CapturedMail = {
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            listUnsubscribe: headerValue(parsed.headerLines, "list-unsubscribe"),
            listUnsubscribePost: headerValue(parsed.headerLines, "list-unsubscribe-post"),
          };
          // Written aside, then renamed: a spec polling the folder never reads half a message.
          const file = path.join(dir, `${Date.now()}-${randomBytes(4).toString("hex")}`);
          await writeFile(`${file}.part`, JSON.stringify(mail));
          await rename(`${file}.part`, `${file}.json`);
        })
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    dir,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The newest message sent to this address, waiting for it to arrive (MAIL_DIR comes from the global setup). */
export async function waitForMail(to: string, { subject, timeoutMs = 10_000 }: { subject?: string; timeoutMs?: number } = {}): Promise<CapturedMail> {
  const dir = process.env.MAIL_DIR!;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = (await readdir(dir)).filter((file) => file.endsWith(".json")).sort().reverse();
    for (const file of files) {
      const mail = JSON.parse(await readFile(path.join(dir, file), "utf8")) as CapturedMail;
      if (mail.to.includes(to.toLowerCase()) && (!subject || mail.subject.includes(subject))) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No email to ${to}${subject ? ` about "${subject}"` : ""} arrived within ${timeoutMs / 1000} s.`);
}

/** The first link in a message's text that points at the blog. */
export function linkIn(mail: CapturedMail, baseUrl: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(baseUrl));
  if (!link) throw new Error(`No link to ${baseUrl} in:\n${mail.text}`);
  return link;
}

/** A header's value as sent (unfolded), from mailparser's raw header lines. */
function headerValue(lines: readonly { key: string; line: string }[], key: string): string | undefined {
  const line = lines.find((header) => header.key === key)?.line;
  return line?.slice(line.indexOf(":") + 1).replace(/\r?\n(?=[ \t])/g, "").trim();
}
