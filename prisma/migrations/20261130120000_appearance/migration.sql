-- CreateEnum
CREATE TYPE "Theme" AS ENUM ('SIMPLE', 'POSTCARD', 'TYPESET');

-- CreateTable
CREATE TABLE "Appearance" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "theme" "Theme" NOT NULL DEFAULT 'SIMPLE',
    "accentLight" TEXT NOT NULL DEFAULT '#8a3b12',
    "accentDark" TEXT NOT NULL DEFAULT '#f0a878',
    "headingFont" TEXT NOT NULL DEFAULT 'system-serif',
    "bodyFont" TEXT NOT NULL DEFAULT 'system-serif',
    "headerImageId" TEXT,
    "faviconId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Appearance_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Appearance" ADD CONSTRAINT "Appearance_headerImageId_fkey" FOREIGN KEY ("headerImageId") REFERENCES "Upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appearance" ADD CONSTRAINT "Appearance_faviconId_fkey" FOREIGN KEY ("faviconId") REFERENCES "Upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;

