-- 配合单位 of an indicator (the 责任分解表 lists lead and cooperating units); NULL = 未填写
ALTER TABLE "Indicator" ADD COLUMN "cooperatingUnits" TEXT;
