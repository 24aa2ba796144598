import { withApiAuth } from '@/lib/auth/api';
import { buildCsv } from '@/lib/export/csv';
import { buildDocx } from '@/lib/export/docx';
import { CONTENT_TYPES, downloadResponse } from '@/lib/export/http';
import type { ReportData } from '@/lib/export/report';
import { buildXlsx } from '@/lib/export/xlsx';
import { errorResponse } from '@/lib/http/errors';
import { loadReport, loadReportWithBenchmarks } from '@/lib/loaders';
import { exportFormatSchema, type ExportFormat } from '@/lib/schemas/report';

export const dynamic = 'force-dynamic';

const BUILDERS: Record<ExportFormat, (report: ReportData) => Uint8Array | Promise<Uint8Array>> = {
  xlsx: buildXlsx,
  docx: buildDocx,
  csv: buildCsv,
};

interface ExportRouteContext {
  params: Promise<{ slug: string; year: string; format: string }>;
}

/**
 * GET /reports/{plan}/{year}/export/{xlsx|docx|csv}[?includeUnapproved=1][&benchmarks=1][&lang=en] — the report
 * as a file with its Chinese name; in Chinese (the official report) unless `lang=en` asks for English (the
 * English UI's download links do).
 */
async function downloadReport(request: Request, { params }: ExportRouteContext): Promise<Response> {
  const { slug, year, format: rawFormat } = await params;
  const format = exportFormatSchema.safeParse(rawFormat);
  if (!format.success) return errorResponse(404, '导出格式只能是 xlsx、docx 或 csv。');
  const search = new URL(request.url).searchParams;
  const loaded = await loadReport(slug, { year, includeUnapproved: search.get('includeUnapproved'), lang: search.get('lang') });
  if (!loaded.ok) return errorResponse(loaded.status, loaded.message);
  // ?benchmarks=1 adds the 对标 table
  const report = await loadReportWithBenchmarks(loaded, search.get('benchmarks'));
  const bytes = await BUILDERS[format.data](report);
  return downloadResponse(bytes, CONTENT_TYPES[format.data], `${report.fileBaseName}.${format.data}`, `${report.planSlug}_${report.year}.${format.data}`);
}

// A session or a read-only API token (lib/auth/api.ts).
export const GET = withApiAuth('reports.export', downloadReport);
