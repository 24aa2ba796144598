import { withApiAuth } from '@/lib/auth/api';
import { buildCsv } from '@/lib/export/csv';
import { buildDocx } from '@/lib/export/docx';
import { CONTENT_TYPES, downloadResponse } from '@/lib/export/http';
import type { TableReport } from '@/lib/export/report';
import { buildXlsx } from '@/lib/export/xlsx';
import { errorResponse } from '@/lib/http/errors';
import { loadTaskReport } from '@/lib/loaders';
import { exportFormatSchema, type ExportFormat } from '@/lib/schemas/report';

export const dynamic = 'force-dynamic';

// The indicator report's builders: one layout code for both tables.
const BUILDERS: Record<ExportFormat, (report: TableReport) => Uint8Array | Promise<Uint8Array>> = { xlsx: buildXlsx, docx: buildDocx, csv: buildCsv };

/** GET /plans/{plan}/tasks/export/{xlsx|docx|csv}[?year=2025][&includeUnapproved=1] — 重点任务推进情况表 as a file. */
async function downloadTaskReport(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }): Promise<Response> {
  const { slug, format: rawFormat } = await params;
  const format = exportFormatSchema.safeParse(rawFormat);
  if (!format.success) return errorResponse(404, '导出格式只能是 xlsx、docx 或 csv。');
  const search = new URL(request.url).searchParams;
  const loaded = await loadTaskReport(slug, { year: search.get('year'), includeUnapproved: search.get('includeUnapproved') });
  if (!loaded.ok) return errorResponse(loaded.status, loaded.message);
  const { report } = loaded;
  const bytes = await BUILDERS[format.data](report);
  return downloadResponse(bytes, CONTENT_TYPES[format.data], `${report.fileBaseName}.${format.data}`, `${report.planSlug}_tasks_${report.year}.${format.data}`);
}

// A session or a read-only API token (lib/auth/api.ts), as the indicator report's downloads.
export const GET = withApiAuth('reports.export', downloadTaskReport);
