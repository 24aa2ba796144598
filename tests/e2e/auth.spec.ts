import { expect, test } from '@playwright/test';
import { E2E_USERS, signInAs, signOut } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const screenshots = 'artifacts/screenshots';

test('an anonymous visitor is sent to the Chinese sign-in page and back after signing in', async ({ page }) => {
  const response = await page.goto('/admin/users');
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/login-desktop.png`, fullPage: true });

  await page.getByLabel('用户名').fill(E2E_USERS.admin.username);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码' })).toHaveText('用户名或密码不正确。');
  await expect(page.getByLabel('用户名')).toHaveValue(E2E_USERS.admin.username);

  await page.getByLabel('密码').fill(E2E_USERS.admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('session_token'))!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('/api/health needs no account', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
});

test('the login page on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await page.screenshot({ path: `${screenshots}/login-phone.png`, fullPage: true });
});

test('admin: sees the administration, creates a user, assigns indicators and disables the account', async ({ page }) => {
  await signInAs(page, 'admin');
  const header = page.locator('header').first();
  await expect(header.getByRole('link', { name: '用户管理' })).toBeVisible();
  await expect(header.getByText('管理员', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/header-admin-desktop.png`, clip: { x: 0, y: 0, width: 1280, height: 120 } });
  await header.getByRole('link', { name: '用户管理' }).click();

  await page.getByLabel('用户名', { exact: true }).fill('x');
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByText('用户名为 3–30 位字母、数字、下划线或点')).toBeVisible();
  await expect(page.getByText('请输入姓名')).toBeVisible();

  await page.getByLabel('用户名', { exact: true }).fill('wang.lu');
  await page.getByLabel('姓名').fill('王璐');
  await page.getByLabel('角色').selectOption('staff');
  await page.getByLabel('初始密码').fill('first-password-1');
  await page.getByRole('button', { name: '创建账号' }).click();
  await expect(page.getByRole('status')).toHaveText('账号已创建。');
  await expect(page.getByRole('cell', { name: 'wang.lu', exact: true })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/admin-users-desktop.png`, fullPage: true });

  await page.getByRole('link', { name: '管理 wang.lu' }).click();
  await page.getByLabel('仅以下指定指标').check();
  await page.getByRole('checkbox').first().check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('角色和录入范围已保存。');
  await page.getByRole('button', { name: '停用账号' }).click();
  await expect(page.getByRole('status').filter({ hasText: '停用' })).toHaveText('账号已停用，其登录已全部失效。');
  await page.screenshot({ path: `${screenshots}/admin-user-desktop.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin/users');
  await expect(page.getByText('wang.lu', { exact: true }).filter({ visible: true })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/admin-users-phone.png`, fullPage: true });
  await page.screenshot({ path: `${screenshots}/header-admin-phone.png`, clip: { x: 0, y: 0, width: 390, height: 160 } });

  await signOut(page);
  await page.getByLabel('用户名').fill('wang.lu');
  await page.getByLabel('密码').fill('first-password-1');
  await page.getByRole('button', { name: '登录' }).click();
  // a disabled account answers like a wrong password: it never reveals whether the password was right
  await expect(page.getByRole('alert').filter({ hasText: '不正确' })).toHaveText('用户名或密码不正确。');
});

test('admin: issues an API token shown once, which then reads with Bearer and can be revoked', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/tokens');
  await page.getByLabel('用途说明').fill('统计局年报导出');
  await page.getByRole('button', { name: '生成令牌' }).click();
  const token = (await page.getByTestId('issued-token').textContent())!;
  expect(token).toMatch(/^pim_/);
  await page.screenshot({ path: `${screenshots}/admin-tokens-desktop.png`, fullPage: true });
  await page.reload();
  await expect(page.getByTestId('issued-token')).toHaveCount(0);
  await page.getByRole('button', { name: '吊销' }).click();
  await expect(page.getByText('已吊销')).toBeVisible();
});

for (const role of ['staff', 'reviewer', 'leader'] as const) {
  test(`${role}: lands on 我的待办 (leader: the plan) with name and role in the header, no administration, and gets 403 there`, async ({ page }) => {
    await signInAs(page, role);
    const header = page.locator('header').first();
    // after sign-in people who enter or review figures land on 我的待办; a leader on the plan
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(role === 'leader' ? '鹿泉区科技创新“十四五”规划' : '我的待办');
    await expect(header.getByTestId('current-user')).toContainText(E2E_USERS[role].name);
    await expect(header.getByRole('link', { name: '用户管理' })).toHaveCount(0);
    // the page streams behind the root loading skeleton, so the status line is already sent (200);
    // what the reader gets is the 403 page, and no admin content
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: '用户管理' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
    if (role === 'leader') {
      await page.goto('/');
      // a leader has nothing to change: no form on the page except language and sign-out
      const main = page.locator('main');
      await expect(main.locator('form, input, select, textarea, button')).toHaveCount(0);
      await page.screenshot({ path: `${screenshots}/header-leader-desktop.png`, clip: { x: 0, y: 0, width: 1280, height: 120 } });
    }
  });
}
