import { defineConfig } from "prisma/config";

// The Prisma CLI reads this. At run time the app connects through @prisma/adapter-pg (lib/db.ts);
// migrations are applied by scripts/migrate.ts, which keeps Prisma Migrate's own records.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
