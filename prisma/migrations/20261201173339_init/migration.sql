-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('active', 'archived');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('growthRate', 'cumulative', 'share');

-- CreateEnum
CREATE TYPE "IndicatorAttribute" AS ENUM ('expected', 'binding');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('up', 'down');

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "baseYear" INTEGER NOT NULL,
    "firstYear" INTEGER NOT NULL,
    "lastYear" INTEGER NOT NULL,
    "sourceDocument" TEXT NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'active',
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "baseline" DECIMAL(20,6),
    "target" DECIMAL(20,6),
    "annualRate" DECIMAL(20,6),
    "cumulativeIncrease" DECIMAL(20,6),
    "attribute" "IndicatorAttribute" NOT NULL DEFAULT 'expected',
    "direction" "Direction" NOT NULL DEFAULT 'up',
    "decimals" INTEGER NOT NULL DEFAULT 2,
    "responsibleUnit" TEXT,
    "definition" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Plan_slug_key" ON "Plan"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Category_planId_name_key" ON "Category"("planId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Category_planId_position_key" ON "Category"("planId", "position");

-- CreateIndex
CREATE INDEX "Indicator_categoryId_idx" ON "Indicator"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_planId_sequence_key" ON "Indicator"("planId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_indicatorId_year_key" ON "Observation"("indicatorId", "year");

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Observation" ADD CONSTRAINT "Observation_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
