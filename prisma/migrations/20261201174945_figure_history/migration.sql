-- CreateEnum
CREATE TYPE "FigureAction" AS ENUM ('create', 'edit', 'submit', 'approve', 'return', 'unlock');

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "updatedById" TEXT,
ADD COLUMN     "updatedByName" TEXT;

-- CreateTable
CREATE TABLE "FigureEvent" (
    "id" SERIAL NOT NULL,
    "observationId" INTEGER NOT NULL,
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

    CONSTRAINT "FigureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FigureEvent_observationId_at_idx" ON "FigureEvent"("observationId", "at");

-- AddForeignKey
ALTER TABLE "FigureEvent" ADD CONSTRAINT "FigureEvent_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "Observation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- History is append-only: no statement may change or remove what happened.
CREATE FUNCTION figure_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'FigureEvent is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "FigureEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "FigureEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION figure_event_append_only();
