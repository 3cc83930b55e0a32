import { z } from "zod";
import { InvalidRequestError } from "../../lib/errors";
import { Role } from "../../lib/generated/prisma/enums";
import { assertAnActiveAdminRemains } from "../../lib/users/rules";
import { createPrismaClient } from "./prisma";

/** A mistake in what was asked, told to the person at the terminal as is. */
export class UserRoleError extends Error {
  name = "UserRoleError";
}

const USAGE = `Usage: npm run user:role -- <email> <${Object.values(Role).join("|")}>`;

const argsSchema = z.tuple([
  z.string().trim().toLowerCase().pipe(z.email({ message: "is not an email address" })),
  z.string().trim().toUpperCase().pipe(z.enum(Role, { message: `is not a role: use one of ${Object.values(Role).join(", ")}` })),
]);

export function parseUserRoleArgs(args: string[]): { email: string; role: Role } {
  if (args.length !== 2) throw new UserRoleError(USAGE);
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserRoleError(`"${args[Number(issue.path[0])]}" ${issue.message}.\n${USAGE}`);
  }
  const [email, role] = parsed.data;
  return { email, role };
}

/**
 * Gives the account with this email a role. The app reads roles from the database on every
 * request (lib/session.ts), so it counts from the user's next request; no sign-out needed.
 */
export async function setUserRole(databaseUrl: string, email: string, role: Role): Promise<{ previous: Role; role: Role }> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, disabledAt: true } });
      if (!user) throw new UserRoleError(`No account has the email ${email}.`);
      // The dashboard's rule too: the blog keeps an active admin.
      await assertAnActiveAdminRemains(tx, user, { role, disabled: user.disabledAt !== null });
      await tx.user.update({ where: { id: user.id }, data: { role } });
      return { previous: user.role, role };
    });
  } catch (error) {
    if (error instanceof InvalidRequestError) throw new UserRoleError(error.message);
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}
