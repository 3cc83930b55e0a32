import { createPrismaClient } from "./prisma";
import { demoAccounts, seedDemoContent, type SeedResult } from "../../prisma/seed/seed";

/** Seeds the demo blog into an empty database; see prisma/seed/seed.ts. */
export async function seedDatabase(databaseUrl: string): Promise<SeedResult> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    return await seedDemoContent(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

export const demoAuthor = demoAccounts.author;
