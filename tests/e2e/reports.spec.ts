import { expect, test } from '@playwright/test';
import { LUQUAN_2021_2025 } from '../../lib/plans/luquan-2021-2025';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const screenshots = 'artifacts/screenshots';
const reportUrl = '/reports/luquan-2021-2025/2023';

// Every page needs an account; a leader sees everything and changes nothing.
test.beforeEach(async ({ page }) => {
  await signInAs(page, 'leader');
});

test('the report page shows the 2023 table, the summary and downloads each format with its Chinese name', async ({ page }) => {
  await page.goto(reportUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('鹿泉区科技创新“十四五”规划主要指标监测表（2023年）');
  await expect(page.getByRole('note')).toContainText('示例数据');
  const table = page.locator('table');
  await expect(table.locator('tbody tr')).toHaveCount(16);
  for (const category of LUQUAN_2021_2025.categories) await expect(table.getByRole('rowheader', { name: category })).toBeVisible();
  await expect(page.getByText('截至2023年，16项指标中')).toBeVisible();
  await expect(table.locator('tbody tr').nth(15)).toContainText('暂无数据');
  await page.screenshot({ path: `${screenshots}/report-desktop.png`, fullPage: true });

  for (const [label, extension] of [['Excel（.xlsx）', 'xlsx'], ['Word（.docx）', 'docx'], ['CSV（.csv）', 'csv']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label }).click()]);
    expect(download.suggestedFilename()).toBe(`鹿泉区科技创新十四五规划指标监测表_2023年.${extension}`);
    expect(await download.failure()).toBeNull();
  }
});

test('choosing another year and including unapproved figures changes the report', async ({ page }) => {
  await page.goto(reportUrl);
  await page.getByLabel('年份').selectOption('2025');
  await expect(page).toHaveURL(/\/reports\/luquan-2021-2025\/2025$/);
  await expect(page.getByRole('columnheader', { name: '是否完成' })).toBeVisible();
  await expect(page.locator('table tbody tr').nth(12)).toContainText('（2024年）');
  await page.getByLabel('包含未审核数据').check();
  await expect(page).toHaveURL(/\/2025\?includeUnapproved=1$/);
  await expect(page.locator('table tbody tr').nth(12)).toContainText('（未审核，初步）'); // a preliminary figure in the final evaluation is marked
  await expect(page.getByText('数据状态：含未审核数据。')).toBeVisible();
});

test('on a phone the report stacks as cards', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(reportUrl);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('list', { name: '鹿泉区科技创新“十四五”规划主要指标监测表（2023年）' }).getByRole('listitem')).toHaveCount(16);
  await page.screenshot({ path: `${screenshots}/report-phone.png`, fullPage: true });
  await page.screenshot({ path: `${screenshots}/report-phone-top.png` });
});

test('the print page has no navigation and prints on one or two A4 landscape pages', async ({ page }) => {
  await page.goto(`${reportUrl}/print`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('鹿泉区科技创新“十四五”规划主要指标监测表（2023年）');
  await expect(page.locator('table tbody tr')).toHaveCount(16);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '年度报表' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/report-print.png`, fullPage: true });

  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);
  // A4 landscape is 841.9 × 595.3 pt; Chromium rounds the page box to whole device pixels.
  for (const box of pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)) {
    expect(Math.abs(Number(box[1]) - 841.9)).toBeLessThan(2);
    expect(Math.abs(Number(box[2]) - 595.3)).toBeLessThan(2);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
});

test('the nav link 年度报表 leads to the latest approved year; unknown plans or years are not found', async ({ page }) => {
  const request = page.request;
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: '年度报表' }).click();
  await expect(page).toHaveURL(/\/reports\/luquan-2021-2025\/2025$/);
  // The page streams behind the root loading skeleton, so a missing report shows the not-found page (status 200).
  for (const path of ['/reports/luquan-2021-2025/2030', '/reports/nope/2023']) {
    await page.goto(path);
    await expect(page.getByText('找不到这个页面。')).toBeVisible();
  }
  expect((await request.get('/reports/luquan-2021-2025/2030/export/xlsx')).status()).toBe(400);
  const bad = await request.get('/api/plans/luquan-2021-2025/report?year=abc');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('年份');
});
