-- CreateEnum
CREATE TYPE "BenchmarkKind" AS ENUM ('cityBest', 'cityAverage', 'provinceBest', 'provinceAverage', 'cityRank', 'provinceRank', 'shareOfCityTotal', 'cityTotal', 'shareOfProvinceBest', 'gapToCityBest', 'gapToProvinceBest');

-- CreateEnum
CREATE TYPE "BenchmarkEntity" AS ENUM ('referenceValue', 'seriesFigure', 'countyEvaluation', 'figureSourceValue');

-- CreateEnum
CREATE TYPE "ToleranceMode" AS ENUM ('absolute', 'relative');

-- CreateTable
CREATE TABLE "SupplementarySeries" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "direction" "Direction" NOT NULL DEFAULT 'up',
    "decimals" INTEGER NOT NULL DEFAULT 2,
    "relatedIndicatorSequence" INTEGER,
    "note" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SupplementarySeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesFigure" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "source" TEXT,
    "note" TEXT,
    "status" "ObservationStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "reviewNote" TEXT,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeriesFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceValue" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "seriesId" INTEGER,
    "subjectKey" TEXT NOT NULL,
    "kind" "BenchmarkKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "status" "ObservationStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "reviewNote" TEXT,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferenceValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountyEvaluation" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "provinceRank" INTEGER,
    "grade" TEXT,
    "score" DECIMAL(20,6),
    "source" TEXT NOT NULL,
    "note" TEXT,
    "status" "ObservationStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewNote" TEXT,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CountyEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoryFigure" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "seriesId" INTEGER,
    "subjectKey" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "source" TEXT NOT NULL,
    "stated" TEXT,
    "section" TEXT,
    "note" TEXT,

    CONSTRAINT "HistoryFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCheckRule" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "primarySource" TEXT NOT NULL,
    "toleranceMode" "ToleranceMode" NOT NULL DEFAULT 'relative',
    "tolerance" DECIMAL(20,6) NOT NULL,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceCheckRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FigureSourceValue" (
    "id" SERIAL NOT NULL,
    "observationId" INTEGER NOT NULL,
    "sourceName" TEXT NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "source" TEXT,
    "note" TEXT,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FigureSourceValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkEvent" (
    "id" SERIAL NOT NULL,
    "entity" "BenchmarkEntity" NOT NULL,
    "entityId" INTEGER NOT NULL,
    "action" "FigureAction" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oldValue" DECIMAL(20,6),
    "newValue" DECIMAL(20,6),
    "oldStatus" "ObservationStatus",
    "newStatus" "ObservationStatus" NOT NULL,
    "source" TEXT,
    "reason" TEXT,

    CONSTRAINT "BenchmarkEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupplementarySeries_planId_key_key" ON "SupplementarySeries"("planId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesFigure_seriesId_year_key" ON "SeriesFigure"("seriesId", "year");

-- CreateIndex
CREATE INDEX "ReferenceValue_planId_year_idx" ON "ReferenceValue"("planId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceValue_subjectKey_kind_year_key" ON "ReferenceValue"("subjectKey", "kind", "year");

-- CreateIndex
CREATE UNIQUE INDEX "CountyEvaluation_planId_year_key" ON "CountyEvaluation"("planId", "year");

-- CreateIndex
CREATE INDEX "HistoryFigure_planId_idx" ON "HistoryFigure"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "HistoryFigure_subjectKey_year_key" ON "HistoryFigure"("subjectKey", "year");

-- CreateIndex
CREATE UNIQUE INDEX "SourceCheckRule_indicatorId_key" ON "SourceCheckRule"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "FigureSourceValue_observationId_sourceName_key" ON "FigureSourceValue"("observationId", "sourceName");

-- CreateIndex
CREATE INDEX "BenchmarkEvent_entity_entityId_at_idx" ON "BenchmarkEvent"("entity", "entityId", "at");

-- AddForeignKey
ALTER TABLE "SupplementarySeries" ADD CONSTRAINT "SupplementarySeries_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesFigure" ADD CONSTRAINT "SeriesFigure_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SupplementarySeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceValue" ADD CONSTRAINT "ReferenceValue_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceValue" ADD CONSTRAINT "ReferenceValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceValue" ADD CONSTRAINT "ReferenceValue_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SupplementarySeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CountyEvaluation" ADD CONSTRAINT "CountyEvaluation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryFigure" ADD CONSTRAINT "HistoryFigure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryFigure" ADD CONSTRAINT "HistoryFigure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoryFigure" ADD CONSTRAINT "HistoryFigure_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "SupplementarySeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheckRule" ADD CONSTRAINT "SourceCheckRule_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureSourceValue" ADD CONSTRAINT "FigureSourceValue_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "Observation"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Exactly one subject: an indicator or a supplementary series.
ALTER TABLE "ReferenceValue" ADD CONSTRAINT "ReferenceValue_one_subject" CHECK (("indicatorId" IS NULL) <> ("seriesId" IS NULL));
ALTER TABLE "HistoryFigure" ADD CONSTRAINT "HistoryFigure_one_subject" CHECK (("indicatorId" IS NULL) <> ("seriesId" IS NULL));

-- History is append-only, like FigureEvent.
CREATE FUNCTION benchmark_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'BenchmarkEvent is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "BenchmarkEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "BenchmarkEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION benchmark_event_append_only();
