import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can, canEnterIndicator } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { loadReviewQueue, loadToday, loadWorkQueue } from '@/lib/loaders';
import { REVIEW_QUEUE_PATH } from '@/lib/views/paths';
import { pendingReviewCount } from '@/lib/views/review-queue';
import { WORK_ITEM_STATES, workCounts, type WorkItem, type WorkItemState } from '@/lib/views/work-queue';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('todo'))('title') };
}

const STATE_STYLES: Record<WorkItemState, string> = {
  returned: 'border-red-300',
  draft: 'border-amber-300',
  missing: 'border-slate-300',
};

/** 我的待办: where staff land after signing in. Reviewers see what awaits review; admins both. */
export default async function TodoPage() {
  const user = await requirePageUser('plans.read');
  const enters = can(user, 'figures.enter');
  const reviews = can(user, 'figures.review');
  if (!enters && !reviews) redirect('/');
  const today = loadToday();
  const [items, reviewQueue, t] = await Promise.all([
    enters ? loadWorkQueue((id) => canEnterIndicator(user, id), today) : Promise.resolve([] as WorkItem[]),
    reviews ? loadReviewQueue() : Promise.resolve([]),
    getTranslations('todo'),
  ]);
  const counts = workCounts(items);
  const pending = pendingReviewCount(reviewQueue);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { today })}</p>
      </header>

      {reviews && (
        <section aria-labelledby="todo-review" className="flex flex-wrap items-center justify-between gap-2 rounded border border-blue-300 bg-white p-3" data-testid="todo-review">
          <div>
            <h2 id="todo-review" className="text-base font-semibold">{t('reviewTitle')}</h2>
            <p className="text-sm text-slate-700">{pending > 0 ? t('reviewCount', { count: pending }) : t('reviewNone')}</p>
          </div>
          {pending > 0 && <Link href={REVIEW_QUEUE_PATH} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">{t('reviewOpen')}</Link>}
        </section>
      )}

      {enters && (
        <>
          <p className="text-sm" data-testid="todo-counts">
            {t('counts', { returned: counts.returned, draft: counts.draft, missing: counts.missing, overdue: counts.overdue })}
          </p>
          {items.length === 0 && <p className="rounded border border-slate-300 bg-white p-4 text-sm">{t('empty')}</p>}
          {WORK_ITEM_STATES.map((state) => {
            const ofState = items.filter((i) => i.state === state);
            if (ofState.length === 0) return null;
            return (
              <section key={state} aria-labelledby={`todo-${state}`} data-testid={`todo-${state}`}>
                <h2 id={`todo-${state}`} className="mb-2 text-base font-semibold">{t(`sections.${state}`)}（{ofState.length}）</h2>
                <ul className="space-y-2">
                  {ofState.map((item) => (
                    <li key={item.key} className={`flex flex-wrap items-start justify-between gap-2 rounded border bg-white p-3 ${STATE_STYLES[item.state]}`}>
                      <div className="min-w-0 space-y-0.5">
                        <p className="font-medium">
                          {item.period} · {item.title}
                        </p>
                        <p className="text-xs text-slate-600">
                          {item.planName}
                          {' · '}
                          {item.due ? t('due', { date: item.due }) : t('noDue')}
                          {item.overdue && <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900">{t('overdue')}</span>}
                        </p>
                        {item.reason && (
                          <p className={`rounded px-2 py-1 text-sm ${item.state === 'returned' ? 'bg-red-50 text-red-900' : 'bg-amber-50 text-amber-900'}`}>
                            {t(item.state === 'returned' ? 'returnedReason' : 'unlockedReason', { reason: item.reason })}
                          </p>
                        )}
                      </div>
                      <Link href={item.href} className="shrink-0 rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">
                        {t(`open.${item.state}`)}
                        <span className="sr-only">：{item.period} {item.title}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
