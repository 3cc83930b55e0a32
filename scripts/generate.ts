import { ensurePrismaClient } from "./lib/prisma-generate";

ensurePrismaClient({ force: true });
console.log("Generated the Prisma client in lib/generated/prisma.");
