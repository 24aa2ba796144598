-- AlterTable
ALTER TABLE "FigureEvent" ADD COLUMN     "newQuality" "FigureQuality",
ADD COLUMN     "oldQuality" "FigureQuality";
