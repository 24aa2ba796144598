-- Optional English names (issue 15, English mode): an indicator's name and unit, a category's name.
ALTER TABLE "Category" ADD COLUMN "nameEn" TEXT;
ALTER TABLE "Indicator" ADD COLUMN "nameEn" TEXT,
ADD COLUMN "unitEn" TEXT;
