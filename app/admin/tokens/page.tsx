import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { IssueTokenForm, RevokeTokenForm } from '../../_components/admin/token-forms';
import { loadApiTokens } from '@/lib/loaders';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('tokensTitle') };
}

export default async function TokensPage() {
  await requirePageUser('tokens.manage');
  const [tokens, t, format] = await Promise.all([loadApiTokens(), getTranslations('admin'), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('tokensTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('tokensIntro')}</p>
      </header>
      <section aria-labelledby="issue-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="issue-heading" className="mb-3 text-base font-semibold">{t('tokens.issueTitle')}</h2>
        <IssueTokenForm />
      </section>
      <section aria-labelledby="list-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="list-heading" className="mb-3 text-base font-semibold">{t('tokens.listTitle')}</h2>
        {tokens.length === 0 ? <p className="text-sm text-slate-600">{t('tokens.none')}</p> : (
          <ul className="divide-y divide-slate-200">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <div className={token.revokedAt ? 'text-slate-500' : ''}>
                  <p className="font-medium">{token.name} <span className="ml-1 font-mono text-slate-500">{token.prefix}…</span></p>
                  <p className="text-slate-600">
                    {t('tokens.createdBy')}：{token.createdByName} · {t('tokens.createdAt')}：{when(token.createdAt)} · {t('tokens.lastUsedAt')}：{token.lastUsedAt ? when(token.lastUsedAt) : t('tokens.never')}
                  </p>
                </div>
                {token.revokedAt ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">{t('tokens.revoked')}</span> : <RevokeTokenForm tokenId={token.id} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
