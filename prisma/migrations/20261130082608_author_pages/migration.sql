-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bio" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "slug" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_slug_key" ON "User"("slug");

-- Existing accounts get their slug from their name as lib/slugify.ts makes one for Latin-script
-- names (SQL has no transliteration for other scripts: such a name keeps what is left, or becomes
-- "author"; the next rename remakes it in full). A later account whose slug is taken gets its
-- id appended, which no other slug can be, within the 100 characters an address may hold.
WITH base AS (
  SELECT "id", "createdAt", COALESCE(NULLIF(trim(BOTH '-' FROM left(trim(BOTH '-' FROM regexp_replace(
    replace(replace(replace(replace(translate(lower("name"), 'àáâãäåāăąçćčďèéêëēėęěğìíîïīįıłñńňòóôõöōőřśšşťùúûüūůűųýÿźżž', 'aaaaaaaaaccdeeeeeeeegiiiiiiilnnnooooooorsssstuuuuuuuuyyzzz'), 'ß', 'ss'), 'æ', 'ae'), 'ø', 'o'), '&', ' and '),
    '[^a-z0-9]+', '-', 'g')), 80)), ''), 'author') AS slug
  FROM "User"
), ranked AS (
  SELECT "id", slug, row_number() OVER (PARTITION BY slug ORDER BY "createdAt", "id") AS n FROM base
)
UPDATE "User" AS u SET "slug" = CASE WHEN ranked.n = 1 THEN ranked.slug ELSE rtrim(left(ranked.slug, 70), '-') || '-' || ranked."id" END
FROM ranked WHERE u."id" = ranked."id";
