import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { loadResponsibilityTable } from '@/lib/loaders';
import { responsibilitiesPath, taskActionPath, tasksPath } from '@/lib/views/paths';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const loaded = await loadResponsibilityTable((await params).slug);
  return { title: loaded ? `责任分解表 · ${loaded.plan.shortName}` : undefined };
}

/**
 * 责任分解表: every indicator and every key-task action of the plan with its 牵头单位 and 配合单位 (未填写 where
 * an admin has not set one), the same table the downloads and the print page lay out. On a phone each row
 * is a card. Admins get a link to where each unit is set.
 */
export default async function ResponsibilitiesPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser('plans.read');
  const loaded = await loadResponsibilityTable((await params).slug);
  if (!loaded) notFound();
  const { plan, table } = loaded;
  const t = await getTranslations('tasks.responsibilities');
  const manage = plan.status === 'active';
  const editHref = (row: (typeof table.rows)[number]) =>
    row.kind === 'action'
      ? (manage && can(user, 'tasks.manage') ? `${taskActionPath(plan.slug, row.id)}#units-admin` : null)
      : (manage && can(user, 'plans.manage') ? `/admin/plans/${encodeURIComponent(plan.slug)}/indicators/${row.id}` : null);
  const missing = t('missing');
  const cell = 'px-2 py-1.5 align-top';

  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href={tasksPath(plan.slug)} className="text-brand-700 underline">← {t('back')}</Link></nav>
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('heading', { plan: plan.shortName })}</h1>
        <p className="mt-1 text-sm text-slate-700" data-testid="responsibility-summary">{table.summary}</p>
      </header>
      <p className="no-print flex flex-wrap gap-x-3 text-sm">
        <span>{t('downloads')}：</span>
        {(['xlsx', 'docx', 'csv'] as const).map((f) => (
          <a key={f} href={responsibilitiesPath(plan.slug, f)} className="text-brand-700 underline" data-testid={`responsibility-export-${f}`}>{f.toUpperCase()}</a>
        ))}
        <Link href={responsibilitiesPath(plan.slug, 'print')} className="text-brand-700 underline">{t('print')}</Link>
      </p>

      <div className="rounded border border-slate-200 bg-white sm:overflow-x-auto">
        <table className="w-full text-sm max-sm:block" data-testid="responsibility-table">
          <caption className="sr-only">{table.title}</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-700 max-sm:sr-only">
            <tr>{table.columns.map((c) => <th key={c.key} scope="col" className={`${cell} whitespace-nowrap`}>{c.label}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100 max-sm:block">
            {table.rows.map((row) => {
              const href = editHref(row);
              const unitClass = (stored: string | null) => (stored && stored.trim() ? '' : 'text-slate-500');
              return (
                <tr key={`${row.kind}-${row.id}`} className="max-sm:block max-sm:px-2 max-sm:py-2" data-testid="responsibility-row" data-kind={row.kind}>
                  {row.categoryRowSpan > 0 ? (
                    <th scope="rowgroup" rowSpan={row.categoryRowSpan} className={`${cell} w-36 bg-slate-50 text-left font-medium max-sm:hidden`}>{row.cells.programme.text}</th>
                  ) : null}
                  <td className={`${cell} w-12 text-center tabular-nums max-sm:hidden`}>{row.cells.number.text}</td>
                  <th scope="row" className={`${cell} text-left font-normal max-sm:block max-sm:p-0`}>
                    <span className="block text-xs text-slate-500 sm:hidden">{row.cells.programme.text} · {row.cells.number.text}</span>
                    {row.kind === 'action' ? (
                      <Link href={taskActionPath(plan.slug, row.id)} className="text-brand-800 hover:underline">{row.cells.task.text}</Link>
                    ) : row.cells.task.text}
                  </th>
                  <td className={`${cell} max-sm:block max-sm:p-0 ${unitClass(row.leadUnit)}`}>
                    <span className="text-xs text-slate-500 sm:hidden">{t('lead')}：</span>{row.cells.lead.text}
                  </td>
                  <td className={`${cell} max-sm:block max-sm:p-0 ${unitClass(row.cooperatingUnits)}`}>
                    <span className="text-xs text-slate-500 sm:hidden">{t('cooperating')}：</span>{row.cells.cooperating.text}
                    {href && (row.cells.lead.text === missing || row.cells.cooperating.text === missing) && (
                      <Link href={href} className="no-print ml-2 text-xs text-brand-700 underline">{t('set')}</Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="text-xs text-slate-600">{table.notes.map((n) => <p key={n}>{n}</p>)}</div>
    </div>
  );
}
