-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;
