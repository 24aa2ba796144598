-- CreateEnum
CREATE TYPE "IndicatorStatus" AS ENUM ('active', 'archived');

-- CreateEnum
CREATE TYPE "DefinitionAction" AS ENUM ('createPlan', 'updatePlan', 'archivePlan', 'setCurrent', 'createIndicator', 'updateIndicator', 'archiveIndicator', 'removeIndicator', 'reorderIndicators', 'setDueDates');

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "contact" TEXT,
ADD COLUMN     "status" "IndicatorStatus" NOT NULL DEFAULT 'active';

-- CreateTable
CREATE TABLE "PlanYear" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "PlanYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DefinitionEvent" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "action" "DefinitionAction" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "DefinitionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanYear_planId_year_key" ON "PlanYear"("planId", "year");

-- CreateIndex
CREATE INDEX "DefinitionEvent_planId_at_idx" ON "DefinitionEvent"("planId", "at");

-- AddForeignKey
ALTER TABLE "PlanYear" ADD CONSTRAINT "PlanYear_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DefinitionEvent" ADD CONSTRAINT "DefinitionEvent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
