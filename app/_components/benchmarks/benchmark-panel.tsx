import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatNumber, formatPercent, type GapToBest, type RankHistory } from '@/lib/progress';
import type { ReferenceValueRecord } from '@/lib/data/types';
import type { SubjectBenchmarkView } from '@/lib/views/benchmarks';
import { BenchmarkBars, type BenchmarkBar } from './benchmark-bars';
import { RankTable } from './rank-table';

type T = Awaited<ReturnType<typeof getTranslations<'benchmarks'>>>;

const TABLE_KINDS = new Set<string>(['cityBest', 'provinceBest', 'cityRank', 'provinceRank', 'shareOfProvinceBest']);

export function gapText(t: T, gap: GapToBest | null, decimals: number, unit: string): string {
  if (!gap) return '—';
  if (gap.position === 'atBest') return t('atBest');
  // an English unit is a word of its own (30 firms); a Chinese one follows the number (30家)
  const amount = `${formatNumber(Math.abs(gap.gap), decimals)}${unit === '%' ? t('percentPoints') : /^[A-Za-z]/.test(unit) ? ` ${unit}` : unit}`;
  return gap.position === 'beyondBest' ? `${t('beyondBest')} ${amount}` : amount;
}

export function rankText(t: T, scope: 'city' | 'province', ranks: RankHistory): string | null {
  if (ranks.ranks.length === 0) return null;
  const list = ranks.ranks.map((r) => `${r.year} ${t('rankValue', { rank: r.rank })}`).join(t('listSeparator'));
  const scopeLabel = t(scope === 'city' ? 'scopeCity' : 'scopeProvince');
  return ranks.overall ? t('rankTrend', { scope: scopeLabel, list, trend: t(`trend.${ranks.overall.trend}`) }) : t('rankTrendOne', { scope: scopeLabel, list });
}

function refCell(ref: ReferenceValueRecord | undefined, decimals: number, t: T) {
  if (!ref) return <span className="text-slate-400">—</span>;
  const rank = ref.kind === 'cityRank' || ref.kind === 'provinceRank';
  return (
    <span title={ref.source}>
      {rank ? t('rankValue', { rank: ref.value }) : formatNumber(ref.value, Math.max(decimals, (ref.valueText.split('.')[1] ?? '').length))}
      {ref.status !== 'approved' && <span className="ml-1 text-xs text-amber-800">{t('unapprovedMark')}</span>}
    </span>
  );
}

/** The 对标 panel of an indicator (or a supplementary series): years with reference values, shares, gaps, ranks, a small chart, sources. */
export async function BenchmarkPanel({ view, manageHref }: { view: SubjectBenchmarkView; manageHref?: string | null }) {
  const t = await getTranslations('benchmarks');
  const { subject } = view;
  const d = subject.decimals;
  const latest = view.latest ?? view.rows.at(-1) ?? null;
  const bars: BenchmarkBar[] = [];
  if (latest) {
    if (latest.district) bars.push({ label: t('district'), value: latest.district.value, own: true });
    for (const kind of ['cityAverage', 'cityBest', 'provinceAverage', 'provinceBest'] as const) {
      const ref = latest.references[kind];
      if (ref) bars.push({ label: t(kind), value: ref.value });
    }
  }
  const sources = [...new Set(view.rows.flatMap((r) => Object.values(r.references).map((ref) => ref!.source)))];
  const ranks = [rankText(t, 'city', view.cityRanks), rankText(t, 'province', view.provinceRanks)].filter(Boolean);
  const rankRows = view.rows.filter((r) => r.references.cityRank || r.references.provinceRank);
  // reference values the table has no column for (全市总量, 占全市比重, averages, stated gaps), as stated
  const others = view.rows.flatMap((r) => Object.values(r.references).filter((ref) => ref && !TABLE_KINDS.has(ref.kind))) as ReferenceValueRecord[];
  return (
    <section aria-labelledby="benchmark-heading" data-testid="benchmark-panel" className="rounded border border-slate-300 bg-white p-3 sm:p-4 break-inside-avoid">
      <h2 id="benchmark-heading" className="text-base font-semibold">{t('panelTitle')}</h2>
      <p className="mt-1 text-xs text-slate-600">{t('panelIntro')}</p>
      {!view.hasAny ? (
        <p className="mt-2 text-sm text-slate-700">{t('none')}{manageHref && <> <Link href={manageHref} className="text-brand-700 underline">{t('enterTitle')}</Link></>}</p>
      ) : (
        <div className="mt-3 grid gap-4 lg:grid-cols-[1fr_minmax(0,26rem)]">
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('year')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('district')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('cityBest')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('provinceBest')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('shareOfProvinceBest')}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{t('gapToProvinceBest')}</th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {view.rows.map((row) => (
                  <tr key={row.year} className="border-b border-slate-100" data-testid={`benchmark-row-${row.year}`}>
                    <th scope="row" className="py-1 pr-3 text-left font-normal">{row.year}</th>
                    <td className="py-1 pr-3">
                      {row.district ? (
                        <span title={t(`origin.${row.district.origin}`)}>{formatNumber(row.district.value, d)}{row.district.unapproved && <span className="ml-1 text-xs text-amber-800">{t('unapprovedMark')}</span>}</span>
                      ) : '—'}
                    </td>
                    <td className="py-1 pr-3">{refCell(row.references.cityBest, d, t)}</td>
                    <td className="py-1 pr-3">{refCell(row.references.provinceBest, d, t)}</td>
                    <td className="py-1 pr-3">{formatPercent(row.shareOfProvinceBest, 2)}{row.statedShareOfProvinceBest !== null && !row.references.provinceBest && <span className="text-xs text-slate-600">{t('stated')}</span>}</td>
                    <td className="py-1 pr-3">{gapText(t, row.gapToProvinceBest, d, subject.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="mt-3">
              <RankTable
                caption={t('ranksCaption')}
                yearLabel={t('year')}
                columns={[{ key: 'city', label: t('cityRank') }, { key: 'province', label: t('provinceRank') }]}
                rows={rankRows.map((row) => ({ key: row.year, year: row.year, cells: { city: refCell(row.references.cityRank, 0, t), province: refCell(row.references.provinceRank, 0, t) } }))}
                trend={ranks.length > 0 ? ranks.join(t('groupSeparator')) : null}
                testId="benchmark-ranks"
                trendTestId="rank-trend"
              />
            </div>
            {others.length > 0 && (
              <ul className="mt-2 space-y-0.5 text-sm text-slate-700" data-testid="benchmark-other-values">
                {others.map((ref) => (
                  <li key={ref.id} title={ref.source}>
                    <span className="whitespace-pre-wrap">{t('otherValue', { year: ref.year, kind: t(`kinds.${ref.kind}`) })}</span><span className="tabular-nums">{ref.valueText}</span>
                    {ref.kind.startsWith('gap') || ref.kind === 'cityTotal' || ref.kind.endsWith('Average') ? (/^[A-Za-z]/.test(subject.unit) ? ` ${subject.unit}` : subject.unit) : ''}
                    {ref.status !== 'approved' && <span className="ml-1 text-xs text-amber-800">{t('unapprovedMark')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
          {latest && bars.length > 1 && (
            <figure className="space-y-1">
              <figcaption className="text-xs font-medium text-slate-700">{t('chartTitle', { year: latest.year })}</figcaption>
              <BenchmarkBars bars={bars} decimals={d} unit={subject.unit} label={t('chartLabel', { year: latest.year })} />
            </figure>
          )}
        </div>
      )}
      {sources.length > 0 && (
        <details className="mt-3 text-xs text-slate-700">
          <summary className="cursor-pointer">{t('sourcesCount', { count: sources.length })}</summary>
          <ul className="mt-1 list-disc space-y-1 pl-5">{sources.map((s) => <li key={s}>{s}</li>)}</ul>
        </details>
      )}
      {view.hasAny && manageHref && <p className="no-print mt-2 text-sm"><Link href={manageHref} className="text-brand-700 underline">{t('enterTitle')}</Link></p>}
    </section>
  );
}
