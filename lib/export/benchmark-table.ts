/**
 * The optional 对标 table of the report exports (xlsx, docx, csv, print): one row per indicator or
 * supplementary series with a reference value up to the report year, furthest from the province's best
 * first (lib/views/benchmarks benchmarkSummary). Formatted once here; the builders only lay it out.
 */
import { formatNumber, formatPercent, MISSING, RANK_TREND_LABELS_ZH, type GapToBest, type RankHistory } from '@/lib/progress';
import type { BenchmarkSummaryItem } from '@/lib/views/benchmarks';

export interface BenchmarkTableColumn {
  key: 'name' | 'year' | 'district' | 'provinceBest' | 'shareOfProvinceBest' | 'gapToProvinceBest' | 'cityBest' | 'ranks';
  label: string;
}

export interface BenchmarkTableRow {
  /** texts by column, as shown */
  cells: Record<BenchmarkTableColumn['key'], string>;
  /** numbers behind numeric cells (null: text or missing) */
  values: Partial<Record<BenchmarkTableColumn['key'], number | null>>;
}

export interface BenchmarkTable {
  /** 表2 对标情况（截至2023年） */
  title: string;
  columns: BenchmarkTableColumn[];
  rows: BenchmarkTableRow[];
  notes: string[];
}

export const BENCHMARK_TABLE_COLUMNS: BenchmarkTableColumn[] = [
  { key: 'name', label: '指标' },
  { key: 'year', label: '对标年份' },
  { key: 'district', label: '本区' },
  { key: 'provinceBest', label: '全省最高值' },
  { key: 'shareOfProvinceBest', label: '相当于全省最高值' },
  { key: 'gapToProvinceBest', label: '与全省最高值差距' },
  { key: 'cityBest', label: '全市最高值' },
  { key: 'ranks', label: '全市/全省排名' },
];

function gapText(gap: GapToBest | null, decimals: number, unit: string): string {
  if (!gap) return MISSING;
  if (gap.position === 'atBest') return '持平';
  const amount = `${formatNumber(Math.abs(gap.gap), decimals)}${unit === '%' ? '个百分点' : unit}`;
  return gap.position === 'beyondBest' ? `已超过${amount}` : amount;
}

function ranksText(scope: string, ranks: RankHistory): string | null {
  if (ranks.ranks.length === 0) return null;
  const list = ranks.ranks.map((r) => `${r.year}年第${r.rank}位`).join('、');
  return `${scope}${list}${ranks.overall ? `（${RANK_TREND_LABELS_ZH[ranks.overall.trend]}）` : ''}`;
}

export function buildBenchmarkTable(items: readonly BenchmarkSummaryItem[], year: number): BenchmarkTable {
  const rows = items.map((item): BenchmarkTableRow => {
    const d = item.subject.decimals;
    const bestDecimals = (v: { valueText: string } | null) => Math.max(d, (v?.valueText.split('.')[1] ?? '').length);
    const ranks = [ranksText('全市', item.cityRanks), ranksText('全省', item.provinceRanks)].filter(Boolean).join('；');
    return {
      cells: {
        name: `${item.subject.label}（${item.subject.unit}）${item.subject.sequence === null ? '［监测指标］' : ''}`,
        year: item.year === null ? MISSING : String(item.year),
        district: item.district ? formatNumber(item.district.value, d) : MISSING,
        provinceBest: item.provinceBest ? formatNumber(item.provinceBest.value, bestDecimals(item.provinceBest)) : MISSING,
        shareOfProvinceBest: `${formatPercent(item.shareOfProvinceBest, 2)}${item.shareStated ? '（规划所述）' : ''}`,
        gapToProvinceBest: gapText(item.gapToProvinceBest, d, item.subject.unit),
        cityBest: item.cityBest ? formatNumber(item.cityBest.value, bestDecimals(item.cityBest)) : MISSING,
        ranks: ranks || MISSING,
      },
      values: {
        district: item.district?.value ?? null,
        provinceBest: item.provinceBest?.value ?? null,
        cityBest: item.cityBest?.value ?? null,
      },
    };
  });
  return {
    title: `对标情况（截至${year}年）`,
    columns: BENCHMARK_TABLE_COLUMNS,
    rows,
    notes: [
      '注：按相当于全省最高值的比例由低到高排列；“规划所述”为规划文本直接给出的比例。对标值均注明来源，见系统“对标分析”页。',
    ],
  };
}
