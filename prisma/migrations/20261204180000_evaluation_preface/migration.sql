-- CreateTable
CREATE TABLE "EvaluationPreface" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedByName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationPreface_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationPreface_planId_year_key" ON "EvaluationPreface"("planId", "year");

-- AddForeignKey
ALTER TABLE "EvaluationPreface" ADD CONSTRAINT "EvaluationPreface_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;


