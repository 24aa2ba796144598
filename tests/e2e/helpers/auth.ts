// Sign in through the real login page, as the e2e account of a role (see e2e-users.ts).
import { expect, type Page } from '@playwright/test';
import type { Role } from '../../../lib/auth/permissions';
import { E2E_USERS } from './e2e-users';

export { E2E_USERS };

export async function signInAs(page: Page, role: Role, next = '/'): Promise<void> {
  const user = E2E_USERS[role];
  await page.goto(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toContainText(user.name);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
}
