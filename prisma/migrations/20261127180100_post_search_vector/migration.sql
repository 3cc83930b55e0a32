-- Hand-written: Prisma cannot declare a generated column, so schema.prisma models "searchVector"
-- as Unsupported("tsvector") and this migration makes PostgreSQL compute it from the title
-- (weight A) and the body with its tags stripped (weight B). The GIN index is recreated on the
-- new column under the name Prisma gave it.
DROP INDEX "Post_searchVector_idx";
ALTER TABLE "Post" DROP COLUMN "searchVector";
ALTER TABLE "Post" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, regexp_replace(coalesce("bodyHtml", ''), '<[^>]*>', ' ', 'g')), 'B')
) STORED;
CREATE INDEX "Post_searchVector_idx" ON "Post" USING GIN ("searchVector");
