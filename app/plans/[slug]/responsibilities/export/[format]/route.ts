import { withApiAuth } from '@/lib/auth/api';
import { buildCsv } from '@/lib/export/csv';
import { buildDocx } from '@/lib/export/docx';
import { CONTENT_TYPES, downloadResponse } from '@/lib/export/http';
import type { TableReport } from '@/lib/export/report';
import { buildXlsx } from '@/lib/export/xlsx';
import { errorResponse } from '@/lib/http/errors';
import { loadResponsibilityTable } from '@/lib/loaders';
import { exportFormatSchema, type ExportFormat } from '@/lib/schemas/report';

export const dynamic = 'force-dynamic';

// The report tables' builders: one layout code for every table.
const BUILDERS: Record<ExportFormat, (report: TableReport) => Uint8Array | Promise<Uint8Array>> = { xlsx: buildXlsx, docx: buildDocx, csv: buildCsv };

/** GET /plans/{plan}/responsibilities/export/{xlsx|docx|csv} — 责任分解表 as a file. */
async function downloadResponsibilities(_request: Request, { params }: { params: Promise<{ slug: string; format: string }> }): Promise<Response> {
  const { slug, format: rawFormat } = await params;
  const format = exportFormatSchema.safeParse(rawFormat);
  if (!format.success) return errorResponse(404, '导出格式只能是 xlsx、docx 或 csv。');
  const loaded = await loadResponsibilityTable(slug);
  if (!loaded) return errorResponse(404, '找不到该规划');
  const { table } = loaded;
  const bytes = await BUILDERS[format.data](table);
  return downloadResponse(bytes, CONTENT_TYPES[format.data], `${table.fileBaseName}.${format.data}`, `${table.planSlug}_responsibilities.${format.data}`);
}

// A session or a read-only API token (lib/auth/api.ts), as the other report downloads.
export const GET = withApiAuth('reports.export', downloadResponsibilities);
