-- CreateTable
CREATE TABLE "PlanSignOff" (
    "planId" INTEGER NOT NULL,
    "unit" TEXT,
    "head" TEXT,
    "reviewer" TEXT,
    "preparer" TEXT,
    "phone" TEXT,
    "date" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanSignOff_pkey" PRIMARY KEY ("planId")
);

-- AddForeignKey
ALTER TABLE "PlanSignOff" ADD CONSTRAINT "PlanSignOff_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;


