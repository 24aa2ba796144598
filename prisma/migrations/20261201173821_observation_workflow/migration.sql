-- CreateEnum
CREATE TYPE "ObservationStatus" AS ENUM ('draft', 'submitted', 'approved', 'returned');

-- CreateEnum
CREATE TYPE "FigureQuality" AS ENUM ('preliminary', 'final');

-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "note" TEXT,
ADD COLUMN     "quality" "FigureQuality",
ADD COLUMN     "source" TEXT,
ADD COLUMN     "status" "ObservationStatus" NOT NULL DEFAULT 'draft',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
