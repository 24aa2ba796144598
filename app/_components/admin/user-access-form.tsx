'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { updateUserAccess } from '@/app/_actions/users';
import { ROLES, type Role } from '@/lib/auth/permissions';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { FieldError, FormMessage, hasError, inputClass, labelClass, SubmitButton } from '../form-parts';

export interface AssignableIndicator {
  id: number;
  label: string;
  category: string;
}

/** A key-task action a staff member can be assigned (issue 16). */
export interface AssignableAction {
  id: number;
  label: string;
  programme: string;
}

export function UserAccessForm({ userId, role, allIndicators, indicatorIds, indicators, actionIds = [], actions = [] }: { userId: string; role: Role; allIndicators: boolean; indicatorIds: number[]; indicators: AssignableIndicator[]; actionIds?: number[]; actions?: AssignableAction[] }) {
  const t = useTranslations('admin.user');
  const tRoles = useTranslations('auth.roles');
  const [state, action] = useActionState(updateUserAccess, EMPTY_FORM_STATE);
  const [selectedRole, setSelectedRole] = useState<Role>(role);
  const [scope, setScope] = useState(allIndicators ? 'all' : 'assigned');
  const categories = [...new Set(indicators.map((i) => i.category))];
  const programmes = [...new Set(actions.map((a) => a.programme))];
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <div className="max-w-xs">
        <label htmlFor="access-role" className={labelClass}>{t('role')}</label>
        <select id="access-role" name="role" value={selectedRole} onChange={(e) => setSelectedRole(e.target.value as Role)} aria-invalid={hasError(state, 'role')} aria-describedby="access-role-error" className={`mt-1 ${inputClass}`}>
          {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
        </select>
        <FieldError id="access-role-error" state={state} field="role" />
      </div>
      {selectedRole === 'staff' && (
        <fieldset className="space-y-2">
          <legend className={labelClass}>{t('scope')}</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2"><input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} />{t('scopeAll')}</label>
            <label className="flex items-center gap-2"><input type="radio" name="scope" value="assigned" checked={scope === 'assigned'} onChange={() => setScope('assigned')} />{t('scopeAssigned')}</label>
          </div>
          {scope === 'assigned' && (
            indicators.length === 0 ? <p className="text-sm text-slate-600">{t('noPlan')}</p> : (
              <div className="space-y-3 rounded border border-slate-200 bg-slate-50 p-3" aria-describedby="access-indicators-error">
                {categories.map((category) => (
                  <div key={category}>
                    <p className="text-sm font-medium text-slate-700">{category}</p>
                    <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                      {indicators.filter((i) => i.category === category).map((indicator) => (
                        <li key={indicator.id}>
                          <label className="flex items-start gap-2 text-sm">
                            <input type="checkbox" name="indicatorIds" value={indicator.id} defaultChecked={indicatorIds.includes(indicator.id)} className="mt-1" />
                            <span>{indicator.label}</span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            )
          )}
          <FieldError id="access-indicators-error" state={state} field="indicatorIds" />
          {scope === 'assigned' && actions.length > 0 && (
            <details className="rounded border border-slate-200 bg-slate-50 p-3">
              <summary className="cursor-pointer text-sm font-medium text-slate-700">{t('assignedActions', { count: actionIds.length })}</summary>
              {programmes.map((programme) => (
                <div key={programme} className="mt-2">
                  <p className="text-sm font-medium text-slate-700">{programme}</p>
                  <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                    {actions.filter((a) => a.programme === programme).map((a) => (
                      <li key={a.id}>
                        <label className="flex items-start gap-2 text-sm">
                          <input type="checkbox" name="actionIds" value={a.id} defaultChecked={actionIds.includes(a.id)} className="mt-1" />
                          <span>{a.label}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          )}
        </fieldset>
      )}
      <SubmitButton>{t('saveAccess')}</SubmitButton>
    </form>
  );
}
