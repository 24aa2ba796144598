import { expect, test } from '@playwright/test';
import { LUQUAN_2021_2025 } from '../../lib/plans/luquan-2021-2025';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const screenshots = 'artifacts/screenshots';
const definitions = `/plans/${LUQUAN_2021_2025.slug}/definitions`;

test('the start page shows the current plan, its five categories and all sixteen indicators', async ({ page }) => {
  await signInAs(page, 'leader');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LUQUAN_2021_2025.name);
  for (const category of LUQUAN_2021_2025.categories) {
    await expect(page.getByRole('heading', { level: 2, name: category, exact: true })).toBeVisible();
  }
  for (const indicator of LUQUAN_2021_2025.indicators) {
    await expect(page.getByRole('heading', { level: 3, name: `${indicator.sequence}. ${indicator.name}`, exact: true })).toBeVisible();
  }
});

test('the plan table 表1 lists the five categories and all sixteen indicators from the database', async ({ page }) => {
  await signInAs(page, 'leader');
  await page.goto('/');
  await page.getByRole('link', { name: '表1 指标定义' }).click();
  await expect(page).toHaveURL(definitions);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LUQUAN_2021_2025.name);
  const table = page.locator('table');
  for (const category of LUQUAN_2021_2025.categories) {
    await expect(table.getByRole('rowheader', { name: category })).toBeVisible();
  }
  for (const indicator of LUQUAN_2021_2025.indicators) {
    await expect(table.getByText(`${indicator.sequence}.${indicator.name}（${indicator.unit}）`, { exact: true })).toBeVisible();
  }
  await expect(table.locator('tbody tr')).toHaveCount(16);
  // row 7: 837 → 1200 [363]; row 2 keeps its baseline and has no target
  await expect(table.locator('tbody tr').nth(6)).toContainText('837');
  await expect(table.locator('tbody tr').nth(6)).toContainText('[363]');
  await expect(table.locator('tbody tr').nth(1).locator('td')).toHaveText(['2.地方财政科技投入增长率（%）', '13.31', '-', '15', '预期性']);
  await page.screenshot({ path: `${screenshots}/home-desktop.png`, fullPage: true });
});

test('on a phone the plan table stacks as cards', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'staff');
  await page.goto(definitions);
  await expect(page.locator('table')).toBeHidden();
  const cards = page.locator('main ul');
  for (const indicator of LUQUAN_2021_2025.indicators) {
    await expect(cards.getByText(`${indicator.sequence}.${indicator.name}（${indicator.unit}）`, { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: `${screenshots}/home-phone.png`, fullPage: true });
});

test('the health endpoint reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } });
});

test('an anonymous page request gets a real redirect to the sign-in page', async ({ request }) => {
  const response = await request.get(`/plans/${LUQUAN_2021_2025.slug}?year=2023`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain(`/login?next=${encodeURIComponent(`/plans/${LUQUAN_2021_2025.slug}?year=2023`)}`);
});
