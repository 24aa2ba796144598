import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { CopyPlanForm, CreatePlanForm, ImportPlanForm } from '../../_components/admin/plan-create-forms';
import { PlanRowActions } from '../../_components/admin/plan-row-actions';
import { loadPlans } from '@/lib/loaders';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('plansAdmin');
  return { title: t('listTitle') };
}

export default async function PlansAdminPage() {
  await requirePageUser('plans.manage');
  const [plans, t] = await Promise.all([loadPlans(), getTranslations('plansAdmin')]);
  const years = (p: (typeof plans)[number]) => t('list.years', { baseYear: p.baseYear, firstYear: p.firstYear, lastYear: p.lastYear });
  const status = (p: (typeof plans)[number]) => (
    <span className="flex flex-wrap items-center gap-1">
      <span className={`rounded px-2 py-0.5 text-xs ${p.status === 'archived' ? 'bg-slate-200 text-slate-700' : 'bg-green-50 text-green-900'}`}>{t(`status.${p.status}`)}</span>
      {p.isCurrent && <span className="rounded bg-brand-700 px-2 py-0.5 text-xs text-white">{t('list.current')}</span>}
    </span>
  );
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('listTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('listIntro')}</p>
      </header>

      <section className="rounded border border-slate-200 bg-white" aria-label={t('listTitle')}>
        <table className="hidden w-full text-sm md:table">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t('list.name')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('list.period')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('list.status')}</th>
              <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">{t('list.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.slug} className="border-t border-slate-200 align-top" data-testid="plan-row">
                <td className="px-3 py-2">
                  <Link href={`/admin/plans/${p.slug}`} className="font-medium text-brand-700 underline">{p.name}</Link>
                  <p className="font-mono text-xs text-slate-500">{p.slug}</p>
                </td>
                <td className="px-3 py-2 tabular-nums">{years(p)}</td>
                <td className="px-3 py-2">{status(p)}</td>
                <td className="px-3 py-2 text-right">
                  <PlanRowActions slug={p.slug} name={p.shortName} isCurrent={p.isCurrent} archived={p.status === 'archived'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="divide-y divide-slate-200 md:hidden">
          {plans.map((p) => (
            <li key={p.slug} className="space-y-2 px-3 py-3">
              <div>
                <Link href={`/admin/plans/${p.slug}`} className="font-medium text-brand-700 underline">{p.name}</Link>
                <p className="text-sm text-slate-600 tabular-nums">{years(p)}</p>
              </div>
              <div className="flex items-start justify-between gap-2">
                {status(p)}
                <PlanRowActions slug={p.slug} name={p.shortName} isCurrent={p.isCurrent} archived={p.status === 'archived'} />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="create-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="create-heading" className="text-base font-semibold">{t('create.title')}</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{t('create.intro')}</p>
        <CreatePlanForm />
      </section>

      <section aria-labelledby="copy-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="copy-heading" className="text-base font-semibold">{t('copy.title')}</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{t('copy.intro')}</p>
        <CopyPlanForm sources={plans.map(({ slug, name, shortName, region, baseYear, lastYear, sourceDocument }) => ({ slug, name, shortName, region, baseYear, lastYear, sourceDocument }))} />
      </section>

      <section aria-labelledby="import-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="import-heading" className="text-base font-semibold">{t('import.title')}</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{t('import.intro')}</p>
        <ImportPlanForm />
      </section>
    </div>
  );
}
