/**
 * Reads an uploaded .xlsx with bounded work: exceljs's streaming reader (WorkbookReader) parses one row
 * at a time and stops at the first row beyond `maxRows` or the first row holding a value beyond
 * `maxColumns`, so a small file with 170,000 junk rows is refused after a thousand rows instead of
 * being expanded in memory whole. Only the sheets asked for are parsed; the others are skipped unread.
 * Used by every Excel importer (lib/import/*).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface WorkbookLimits {
  maxRows: number;
  maxColumns: number;
}

/** One sheet as read: its cell values by row and column (1-based, as Excel counts). */
export interface SheetValues {
  name: string;
  state: string;
  /** the last row number seen */
  rowCount: number;
  value(row: number, column: number): ExcelJS.CellValue;
  /** how many columns the row has values in, up to the last one */
  columnCount(row: number): number;
}

export type BoundedRead =
  | { ok: true; sheets: SheetValues[] }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'tooManyRows' | 'tooManyColumns'; limit: number };

/** The Chinese answer to a file beyond the limits, shared by the importers. */
export function limitMessage(problem: 'tooManyRows' | 'tooManyColumns', limit: number): string {
  return problem === 'tooManyRows' ? `行数过多（上限 ${limit} 行），请使用本系统的模板，删除多余的行后重新上传` : `列数过多（上限 ${limit} 列），请使用本系统的模板，删除多余的列后重新上传`;
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

export async function readBoundedWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  limits: WorkbookLimits & { wantSheet?: (name: string) => boolean },
): Promise<BoundedRead> {
  const buffer = Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  // An .xlsx is a zip: it starts with a local file header. (The streaming unzipper waits forever on an empty input.)
  if (buffer.length < 30 || buffer.readUInt32LE(0) !== 0x04034b50) return { ok: false, problem: 'unreadable' };
  // The streaming reader once failed on the second read of a file it had read a moment before (an e2e run on
  // a busy machine; not reproduced in 600 reads). A zip that throws is read once more before it is called
  // unreadable, and the reason is logged, so a real fault shows in the server log instead of vanishing.
  const first = await streamWorkbook(buffer, limits);
  const failure = thrown(first);
  if (failure === null) return first as BoundedRead;
  console.warn(`[import] reading an .xlsx failed (${failure}); reading it once more`);
  const second = await streamWorkbook(buffer, limits);
  const again = thrown(second);
  if (again === null) return second as BoundedRead;
  console.warn(`[import] the .xlsx is unreadable: ${again}`);
  return { ok: false, problem: 'unreadable' };
}

type StreamRead = BoundedRead | { ok: false; problem: 'threw'; error: string };

/** The message of a read that threw, or null for an answer (sheets or a limit). */
const thrown = (read: StreamRead): string | null => (!read.ok && read.problem === 'threw' ? read.error : null);

async function streamWorkbook(buffer: Buffer, limits: WorkbookLimits & { wantSheet?: (name: string) => boolean }): Promise<StreamRead> {
  const input = Readable.from([buffer]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const sheets: SheetValues[] = [];
  try {
    for await (const worksheet of reader) {
      const { name, state } = worksheet as unknown as { name: string; state?: string };
      if (limits.wantSheet && !limits.wantSheet(name)) continue; // drained unparsed
      const rows = new Map<number, ExcelJS.CellValue[]>();
      let last = 0;
      for await (const row of worksheet) {
        const number = Number.isInteger(row.number) && row.number > last ? row.number : last + 1;
        last = number;
        if (number > limits.maxRows) {
          input.destroy();
          return { ok: false, problem: 'tooManyRows', limit: limits.maxRows };
        }
        const values = row.values as ExcelJS.CellValue[]; // sparse, index 1 = column A
        if (values.length - 1 > limits.maxColumns && values.slice(limits.maxColumns + 1).some((v) => !isBlank(v))) {
          input.destroy();
          return { ok: false, problem: 'tooManyColumns', limit: limits.maxColumns };
        }
        let end = Math.min(values.length - 1, limits.maxColumns);
        while (end > 0 && isBlank(values[end])) end--;
        if (end > 0) rows.set(number, values.slice(0, end + 1));
      }
      sheets.push({
        name,
        state: state ?? 'visible',
        rowCount: last,
        value: (r, c) => rows.get(r)?.[c] ?? null,
        columnCount: (r) => Math.max(0, (rows.get(r)?.length ?? 1) - 1),
      });
    }
  } catch (error) {
    return { ok: false, problem: 'threw', error: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, sheets };
}
