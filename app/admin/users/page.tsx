import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { CreateUserForm } from '../../_components/admin/create-user-form';
import { loadUsers } from '@/lib/loaders';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('usersTitle') };
}

export default async function UsersPage() {
  const me = await requirePageUser('users.manage');
  const [users, t, tRoles] = await Promise.all([loadUsers(), getTranslations('admin'), getTranslations('auth.roles')]);
  const scopeLabel = (user: (typeof users)[number]) =>
    user.role !== 'staff' ? t('scope.notApplicable') : user.allIndicators ? t('scope.all') : t('scope.assigned', { count: user.indicatorIds.length });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('usersTitle')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('usersIntro')}</p>
      </header>

      <section className="rounded border border-slate-200 bg-white">
        <table className="hidden w-full text-sm sm:table">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t('table.username')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('table.name')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('table.role')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('table.scope')}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t('table.status')}</th>
              <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">{t('table.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={`border-t border-slate-200 ${user.disabled ? 'text-slate-500' : ''}`}>
                <td className="px-3 py-2 font-mono">{user.username}</td>
                <td className="px-3 py-2">{user.name}{user.id === me.id && <span className="ml-1 text-slate-500">{t('user.self')}</span>}</td>
                <td className="px-3 py-2">{tRoles(user.role)}</td>
                <td className="px-3 py-2">{scopeLabel(user)}</td>
                <td className="px-3 py-2">{user.disabled ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">{t('status.disabled')}</span> : t('status.active')}</td>
                <td className="px-3 py-2 text-right"><Link href={`/admin/users/${encodeURIComponent(user.id)}`} className="text-brand-700 underline" aria-label={`${t('table.edit')} ${user.username}`}>{t('table.edit')}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="divide-y divide-slate-200 sm:hidden">
          {users.map((user) => (
            <li key={user.id} className={`flex items-center justify-between gap-3 px-3 py-3 ${user.disabled ? 'text-slate-500' : ''}`}>
              <div className="min-w-0">
                <p className="font-medium">{user.name}{user.id === me.id && <span className="ml-1 text-slate-500">{t('user.self')}</span>}</p>
                <p className="text-sm text-slate-600"><span className="font-mono">{user.username}</span> · {tRoles(user.role)}{user.role === 'staff' && ` · ${scopeLabel(user)}`}{user.disabled && ` · ${t('status.disabled')}`}</p>
              </div>
              <Link href={`/admin/users/${encodeURIComponent(user.id)}`} className="shrink-0 text-sm text-brand-700 underline">{t('table.edit')}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="create-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="create-heading" className="mb-3 text-base font-semibold">{t('create.title')}</h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
