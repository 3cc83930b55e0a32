-- Hand-written: Prisma cannot declare a column's storage. A post's search vector (about 1 KB)
-- does not compress, so PostgreSQL used to move half of them out of the row into TOAST, and
-- ranking a common word's thousands of matches then fetched each one from there, twice (to match,
-- then to rank). MAIN keeps the vector in the row and moves the body out instead, which compresses
-- and which search reads only for a page's ten hits.
ALTER TABLE "Post" ALTER COLUMN "searchVector" SET STORAGE MAIN;
-- The setting applies to rows written from now on; recomputing the generated vector rewrites the
-- existing ones.
UPDATE "Post" SET "bodyHtml" = "bodyHtml";
