-- CreateEnum
CREATE TYPE "TaskHalf" AS ENUM ('H1', 'FY');

-- CreateEnum
CREATE TYPE "TaskReportStatus" AS ENUM ('notStarted', 'inProgress', 'completed', 'ongoing', 'delayed');

-- CreateEnum
CREATE TYPE "TaskReportState" AS ENUM ('draft', 'submitted', 'returned', 'approved');

-- CreateEnum
CREATE TYPE "TaskReportAction" AS ENUM ('create', 'edit', 'submit', 'approve', 'return', 'unlock', 'addEvidence', 'removeEvidence');

-- CreateEnum
CREATE TYPE "TaskTargetKind" AS ENUM ('perYear', 'cumulative', 'levelAt');

-- CreateTable
CREATE TABLE "TaskProgramme" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT,

    CONSTRAINT "TaskProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAction" (
    "id" SERIAL NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "leadUnit" TEXT,
    "cooperatingUnits" TEXT,

    CONSTRAINT "TaskAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskTarget" (
    "id" SERIAL NOT NULL,
    "actionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "phrase" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" "TaskTargetKind" NOT NULL,
    "lower" DECIMAL(20,6) NOT NULL,
    "upper" DECIMAL(20,6),
    "qualifier" TEXT,
    "deadlineYear" INTEGER,
    "horizonLower" INTEGER,
    "horizonUpper" INTEGER,
    "baseline" DECIMAL(20,6),

    CONSTRAINT "TaskTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskProject" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "actionId" INTEGER,
    "sequence" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT,
    "leadUnit" TEXT,
    "cooperatingUnits" TEXT,

    CONSTRAINT "TaskProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskMilestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "plannedDate" DATE,
    "actualDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedByName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskPeriod" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "half" "TaskHalf" NOT NULL,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "TaskPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskReport" (
    "id" SERIAL NOT NULL,
    "actionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "half" "TaskHalf" NOT NULL,
    "status" "TaskReportStatus" NOT NULL,
    "percent" INTEGER,
    "progress" TEXT NOT NULL,
    "problems" TEXT,
    "nextSteps" TEXT,
    "state" "TaskReportState" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "reviewNote" TEXT,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskTargetValue" (
    "reportId" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,

    CONSTRAINT "TaskTargetValue_pkey" PRIMARY KEY ("reportId","targetId")
);

-- CreateTable
CREATE TABLE "TaskReportEvent" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "action" "TaskReportAction" NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oldState" "TaskReportState",
    "newState" "TaskReportState" NOT NULL,
    "oldStatus" "TaskReportStatus",
    "newStatus" "TaskReportStatus",
    "reason" TEXT,
    "detail" TEXT,

    CONSTRAINT "TaskReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskEvidence" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserTaskAction" (
    "userId" TEXT NOT NULL,
    "actionId" INTEGER NOT NULL,

    CONSTRAINT "UserTaskAction_pkey" PRIMARY KEY ("userId","actionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TaskProgramme_planId_number_key" ON "TaskProgramme"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAction_programmeId_number_key" ON "TaskAction"("programmeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "TaskTarget_actionId_position_key" ON "TaskTarget"("actionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TaskProject_planId_sequence_key" ON "TaskProject"("planId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "TaskMilestone_projectId_position_key" ON "TaskMilestone"("projectId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TaskPeriod_planId_year_half_key" ON "TaskPeriod"("planId", "year", "half");

-- CreateIndex
CREATE UNIQUE INDEX "TaskReport_actionId_year_half_key" ON "TaskReport"("actionId", "year", "half");

-- CreateIndex
CREATE INDEX "TaskTargetValue_targetId_idx" ON "TaskTargetValue"("targetId");

-- CreateIndex
CREATE INDEX "TaskReportEvent_reportId_at_idx" ON "TaskReportEvent"("reportId", "at");

-- CreateIndex
CREATE INDEX "TaskEvidence_reportId_idx" ON "TaskEvidence"("reportId");

-- CreateIndex
CREATE INDEX "UserTaskAction_actionId_idx" ON "UserTaskAction"("actionId");

-- AddForeignKey
ALTER TABLE "TaskProgramme" ADD CONSTRAINT "TaskProgramme_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAction" ADD CONSTRAINT "TaskAction_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "TaskProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskTarget" ADD CONSTRAINT "TaskTarget_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "TaskAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProject" ADD CONSTRAINT "TaskProject_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskProject" ADD CONSTRAINT "TaskProject_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "TaskAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskMilestone" ADD CONSTRAINT "TaskMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "TaskProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskPeriod" ADD CONSTRAINT "TaskPeriod_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskReport" ADD CONSTRAINT "TaskReport_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "TaskAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskTargetValue" ADD CONSTRAINT "TaskTargetValue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "TaskReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskTargetValue" ADD CONSTRAINT "TaskTargetValue_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "TaskTarget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskReportEvent" ADD CONSTRAINT "TaskReportEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "TaskReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEvidence" ADD CONSTRAINT "TaskEvidence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "TaskReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserTaskAction" ADD CONSTRAINT "UserTaskAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserTaskAction" ADD CONSTRAINT "UserTaskAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "TaskAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- A task report's history is append-only: no statement may change or remove what happened.
CREATE FUNCTION task_report_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'TaskReportEvent is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "TaskReportEvent_append_only"
  BEFORE UPDATE OR DELETE OR TRUNCATE ON "TaskReportEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION task_report_event_append_only();

-- Percent is optional and 0–100; evidence files carry their own size.
ALTER TABLE "TaskReport" ADD CONSTRAINT "TaskReport_percent_range" CHECK ("percent" IS NULL OR ("percent" BETWEEN 0 AND 100));
ALTER TABLE "TaskEvidence" ADD CONSTRAINT "TaskEvidence_size_matches" CHECK ("size" = octet_length("bytes"));
