import { openProjectDatabase } from "./lib/database";
import { ensurePrismaClient } from "./lib/prisma-generate";

ensurePrismaClient();
const { seedDatabase } = await import("./lib/demo-content");
const database = await openProjectDatabase();
try {
  const result = await seedDatabase(database.url);
  console.log(
    result.seeded
      ? `Seeded ${result.posts} demo posts and ${result.comments} comments into ${database.description}.`
      : `Not seeding: ${result.reason}.`,
  );
} finally {
  await database.release();
}
