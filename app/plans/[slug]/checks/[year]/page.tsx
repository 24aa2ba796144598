import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RemoveSourceValueButton, SourceRuleForm, SourceValueForm } from '@/app/_components/benchmarks/benchmark-forms';
import { RuleHistory, toleranceText } from '@/app/_components/benchmarks/source-check-list';
import { can, canEnterIndicator } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { formatNumber } from '@/lib/progress';
import { loadPlanBenchmarks, loadPlanFigures, loadPlanYear } from '@/lib/loaders';
import { planYears } from '@/lib/schemas/params';
import { sourceCheckItems, toleranceOf } from '@/lib/views/benchmarks';
import { indicatorPath } from '@/lib/views/paths';

export async function generateMetadata({ params }: { params: Promise<{ slug: string; year: string }> }) {
  const t = await getTranslations('benchmarks');
  return { title: t('checksTitle', { year: (await params).year }) };
}

/** 核对: a year's figures with values in further sources, mismatches beyond the tolerance first. */
export default async function ChecksPage({ params }: { params: Promise<{ slug: string; year: string }> }) {
  const user = await requirePageUser('plans.read');
  const { slug, year: rawYear } = await params;
  const found = await loadPlanYear(slug, rawYear);
  if (!found) notFound();
  const { plan, year } = found;
  const [figures, benchmarks, t] = await Promise.all([loadPlanFigures(plan.id), loadPlanBenchmarks(plan.id), getTranslations('benchmarks')]);
  const items = sourceCheckItems(plan, figures, benchmarks, year);
  const active = plan.status === 'active';
  const enterable = figures
    .filter((f) => f.year === year && f.status !== 'approved' && canEnterIndicator(user, f.indicatorId))
    .map((f) => {
      const indicator = plan.indicators.find((i) => i.id === f.indicatorId);
      return indicator ? { id: f.id, version: f.version, label: `${indicator.sequence}. ${indicator.name}：${f.value}${indicator.unit}`, sequence: indicator.sequence } : null;
    })
    .filter((f) => f !== null)
    .sort((a, b) => a.sequence - b.sequence);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-slate-600"><Link href={`/plans/${plan.slug}`} className="underline">{plan.name}</Link> · <Link href={`/plans/${plan.slug}/benchmarks`} className="underline">{t('links.benchmarks')}</Link></p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('checksTitle', { year })}</h1>
        <p className="text-sm text-slate-700">{t('checksIntro')}</p>
        <nav aria-label={t('links.checks')} className="flex flex-wrap gap-1 text-sm">
          {planYears(plan).map((y) => (
            <Link key={y} href={`/plans/${plan.slug}/checks/${y}`} aria-current={y === year ? 'page' : undefined} className={`rounded px-2 py-1 ${y === year ? 'bg-brand-700 text-white' : 'bg-white ring-1 ring-slate-300 hover:bg-slate-100'}`}>{y}</Link>
          ))}
        </nav>
      </header>

      <section className="space-y-3" aria-label={t('checksTitle', { year })}>
        {items.length === 0 && <p className="rounded border border-slate-300 bg-white p-3 text-sm">{t('checksNone')}</p>}
        {items.map((item) => {
          const d = item.indicator.decimals;
          return (
            <article key={item.figure.id} className={`rounded border bg-white p-3 ${item.check.mismatch ? 'border-red-400' : 'border-slate-300'}`} data-testid={`check-${item.indicator.sequence}`}>
              <h2 className="font-medium">
                <Link href={indicatorPath(plan.slug, item.indicator.id)} className="text-brand-700 underline">{item.indicator.sequence}. {item.indicator.name}</Link>（{item.indicator.unit}）
                <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${item.check.mismatch ? 'bg-red-100 text-red-900' : 'bg-green-100 text-green-900'}`}>{item.check.mismatch ? t('mismatch') : t('agree')}</span>
              </h2>
              <p className="text-xs text-slate-600">{t('tolerance')}：{toleranceText(t, item.tolerance, item.ruleSet)} · {t(`statuses.${item.figure.status}`)}</p>
              <RuleHistory changes={benchmarks.ruleHistory.filter((c) => c.indicatorId === item.indicator.id)} testId={`check-rule-history-${item.indicator.sequence}`} />
              <table className="mt-2 min-w-full text-sm">
                <tbody className="tabular-nums">
                  <tr className="border-b border-slate-100"><th scope="row" className="py-1 pr-3 text-left font-normal">{t('primary')}：{item.primarySource}</th><td className="py-1 pr-3 font-semibold">{formatNumber(item.figure.value, d)}</td><td /><td /></tr>
                  {item.check.others.map((o) => {
                    const record = item.values.find((v) => v.sourceName === o.source)!;
                    const beyond = o.agreement !== null && !o.agreement.withinTolerance;
                    return (
                      <tr key={o.source} className="border-b border-slate-100">
                        <th scope="row" className="py-1 pr-3 text-left font-normal">{t('otherSource')}：{o.source}{record.source && <span className="text-xs text-slate-600">（{record.source}）</span>}</th>
                        <td className="py-1 pr-3">{record.valueText}</td>
                        <td className={`py-1 pr-3 ${beyond ? 'font-semibold text-red-800' : ''}`}>{t('difference')} {o.agreement?.difference === null || !o.agreement ? '—' : `${o.agreement.difference > 0 ? '+' : ''}${o.agreement.difference}`}{beyond && ` · ${t('mismatch')}`}</td>
                        <td className="py-1 pr-3">
                          {active && item.figure.status !== 'approved' && canEnterIndicator(user, item.indicator.id) && (
                            <RemoveSourceValueButton planSlug={plan.slug} observationId={item.figure.id} figureVersion={item.figure.version} sourceName={o.source} />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </article>
          );
        })}
      </section>

      {can(user, 'figures.enter') && active && enterable.length > 0 && (
        <section aria-labelledby="add-source" className="no-print rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="add-source" className="mb-2 text-base font-semibold">{t('addSource')}</h2>
          <SourceValueForm planSlug={plan.slug} figures={enterable} />
        </section>
      )}

      {can(user, 'plans.manage') && active && (
        <section aria-labelledby="rules" className="no-print rounded border border-slate-300 bg-white p-3 sm:p-4">
          <h2 id="rules" className="mb-2 text-base font-semibold">{t('ruleTitle')}</h2>
          <ul className="space-y-2">
            {plan.indicators.map((i) => {
              const rule = toleranceOf(benchmarks, i.id);
              const pct = rule.ruleSet ? (rule.tolerance.mode === 'relative' ? String(Number((rule.tolerance.value * 100).toFixed(4))) : String(rule.tolerance.value)) : '';
              return (
                <li key={i.id} className="space-y-1 border-b border-slate-100 pb-2" data-testid={`rule-${i.sequence}`}>
                  <div className="flex flex-wrap items-end gap-2">
                    <span className="w-full text-sm sm:w-64">{i.sequence}. {i.name}</span>
                    <SourceRuleForm indicatorId={i.id} primarySource={rule.primarySource ?? ''} toleranceMode={rule.tolerance.mode} tolerancePct={pct} />
                  </div>
                  <RuleHistory changes={benchmarks.ruleHistory.filter((c) => c.indicatorId === i.id)} testId={`rule-history-${i.sequence}`} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
