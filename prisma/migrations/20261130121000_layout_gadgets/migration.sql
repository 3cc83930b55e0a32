-- CreateEnum
CREATE TYPE "GadgetArea" AS ENUM ('SIDEBAR', 'FOOTER');

-- CreateEnum
CREATE TYPE "GadgetKind" AS ENUM ('PROFILE', 'ARCHIVE', 'LABELS', 'POPULAR_POSTS', 'LINK_LIST', 'TEXT', 'HTML', 'SUBSCRIBE', 'SEARCH');

-- CreateTable
CREATE TABLE "Gadget" (
    "id" TEXT NOT NULL,
    "area" "GadgetArea" NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "GadgetKind" NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "config" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Gadget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Gadget_area_position_idx" ON "Gadget"("area", "position");

-- The sidebar every blog had before gadgets, so an existing blog looks the same.
INSERT INTO "Gadget" ("id", "area", "position", "kind", "title", "config", "updatedAt") VALUES
    ('default-archive', 'SIDEBAR', 0, 'ARCHIVE', '', '{"style":"HIERARCHY"}', CURRENT_TIMESTAMP),
    ('default-labels', 'SIDEBAR', 1, 'LABELS', '', '{"display":"LIST","sort":"NAME"}', CURRENT_TIMESTAMP);
