import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { signOut } from '@/app/_actions/session';
import { switchLocale } from '@/app/_actions/locale';
import { can, canEnterIndicator, type SessionUser } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { loadReviewQueue, loadToday, loadWorkQueue } from '@/lib/loaders';
import { REVIEW_QUEUE_PATH, WORK_QUEUE_PATH } from '@/lib/views/paths';
import { pendingReviewCount } from '@/lib/views/review-queue';
import { workCounts } from '@/lib/views/work-queue';

/** The counts on the navigation's badges: the person's open work items and the figures awaiting review. */
async function queueCounts(user: SessionUser | null): Promise<{ work: number; review: number }> {
  const [work, review] = await Promise.all([
    can(user, 'figures.enter') ? loadWorkQueue((id) => canEnterIndicator(user, id), loadToday()).then((items) => workCounts(items).total) : 0,
    can(user, 'figures.review') ? loadReviewQueue().then(pendingReviewCount) : 0,
  ]);
  return { work, review };
}

function Badge({ count, label }: { count: number; label: string }) {
  if (count === 0) return null;
  return (
    <span className="ml-1 rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-900">
      {count}
      <span className="sr-only">{label}</span>
    </span>
  );
}

export async function SiteHeader() {
  // Without the database the header shows no account: the page below fails on the same lookup and its
  // error.tsx says why in Chinese. Letting the header throw would take down the root layout, and Next
  // would show its own English error page instead.
  const user = await getSessionUser().catch(() => null);
  const [t, tAuth, locale, counts] = await Promise.all([
    getTranslations('app'),
    getTranslations('auth'),
    getLocale(),
    // like the user lookup above: a failing count must not take the header down
    queueCounts(user).catch(() => ({ work: 0, review: 0 })),
  ]);
  return (
    <header className="no-print bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-3 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-wide sm:text-lg">
          {t('title')}
        </Link>
        <nav aria-label={t('nav.mainLabel')} className="flex flex-1 flex-wrap gap-x-4 gap-y-1 whitespace-nowrap text-sm text-brand-100">
          {(can(user, 'figures.enter') || can(user, 'figures.review')) && (
            <Link href={WORK_QUEUE_PATH} className="hover:text-white">
              {t('nav.todo')}
              <Badge count={counts.work} label={t('nav.badge')} />
            </Link>
          )}
          {user && <Link href="/" className="hover:text-white">{t('nav.home')}</Link>}
          {user && <Link href="/tasks" className="hover:text-white">{t('nav.tasks')}</Link>}
          {can(user, 'figures.enter') && <Link href="/entry" className="hover:text-white">{t('nav.entry')}</Link>}
          {can(user, 'figures.review') && (
            <Link href={REVIEW_QUEUE_PATH} className="hover:text-white">
              {t('nav.review')}
              <Badge count={counts.review} label={t('nav.badge')} />
            </Link>
          )}
          {user && <Link href="/reports" className="hover:text-white">{t('nav.reports')}</Link>}
          {can(user, 'users.manage') && <Link href="/admin/users" className="hover:text-white">{t('nav.users')}</Link>}
          {can(user, 'plans.manage') && <Link href="/admin/plans" className="hover:text-white">{t('nav.plans')}</Link>}
          {can(user, 'tokens.manage') && <Link href="/admin/tokens" className="hover:text-white">{t('nav.tokens')}</Link>}
        </nav>
        <div className="flex items-center gap-2 text-sm">
          {user && (
            <p className="mr-1 whitespace-nowrap" data-testid="current-user">
              <span className="sr-only">{tAuth('signedInAs')}：</span>
              <span className="font-medium">{user.name}</span>
              <span className="ml-1.5 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-brand-100">{tAuth(`roles.${user.role}`)}</span>
            </p>
          )}
          <form action={switchLocale}>
            <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
            {/* the accessible name starts with the visible word (WCAG 2.5.3), in that word's own language */}
            <button type="submit" className="rounded border border-brand-100/40 px-2 py-1 hover:bg-brand-700">
              <span lang={locale === 'en' ? 'zh-CN' : 'en'}>{t('language')}</span>
              <span className="sr-only">（{t('languageSwitchLabel')}）</span>
            </button>
          </form>
          {user && (
            <form action={signOut}>
              <button type="submit" className="whitespace-nowrap rounded border border-brand-100/40 px-2 py-1 hover:bg-brand-700">
                {tAuth('signOut')}
              </button>
            </form>
          )}
        </div>
      </div>
    </header>
  );
}
