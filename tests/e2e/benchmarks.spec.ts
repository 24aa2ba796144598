// 对标 and 核对 in the browser: a leader opens an indicator's 对标 panel (seeded from the plan text) and
// the benchmarks overview; staff add a further source that disagrees with a submitted figure, and a
// reviewer is stopped until the difference is acknowledged. Uses row 14's 2025 sample figure, which the
// sample data leaves awaiting review.
import { expect, test } from '@playwright/test';
import { signInAs, signOut } from './helpers/auth';
import type { Page } from '@playwright/test';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const plan = 'luquan-2021-2025';
const shots = process.env.SHOTS_DIR ?? 'artifacts/screenshots';

/** Desktop and phone screenshots of the page as it is. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${shots}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a leader opens the 对标 panel of an indicator and the benchmarks overview', async ({ page }) => {
  await signInAs(page, 'leader');
  await page.goto(`/plans/${plan}`);
  await page.getByRole('link', { name: '对标分析' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '对标分析' })).toBeVisible();
  const summary = page.getByTestId('benchmark-summary');
  // furthest from the province's best first: 规上工业企业R&D经费支出占主营业务收入比重 at 13.92 % (stated)
  await expect(summary.locator('tbody tr').first()).toContainText('规上工业企业R&D经费支出占主营业务收入比重');
  await expect(summary.locator('tbody tr').first()).toContainText('13.92%');
  await shoot(page, 'benchmarks-overview');

  await summary.getByRole('link', { name: /高新技术企业数量/ }).click();
  const panel = page.getByTestId('benchmark-panel');
  await expect(panel.getByRole('heading', { name: '对标' })).toBeVisible();
  const row2020 = panel.getByTestId('benchmark-row-2020');
  await expect(row2020).toContainText('228');
  await expect(row2020).toContainText('258');
  await expect(row2020).toContainText('88.37%'); // 228 / 258
  await expect(row2020).toContainText('30家');
  await expect(panel.getByTestId('benchmark-bars')).toBeVisible();
  await expect(page.getByTestId('history-note')).toContainText('2015');
  await panel.locator('summary').click();
  await expect(panel).toContainText('比全省最高值258家.1043家低30家.206家');
  await shoot(page, 'indicator-benchmarks');

  await page.goto(`/plans/${plan}/county-evaluation`);
  await expect(page.getByTestId('county-evaluation')).toContainText('第1位');
  await expect(page.getByTestId('county-trend')).toContainText('持平');
  await shoot(page, 'county-evaluation');

  // the report offers the 对标 table; the print page shows it after 表1
  await page.goto(`/reports/${plan}/2023`);
  await expect(page.getByTestId('benchmark-downloads')).toBeVisible();
  await shoot(page, 'report');
  await page.goto(`/reports/${plan}/2023/print?benchmarks=1`);
  await expect(page.getByTestId('benchmark-report-table')).toContainText('对标情况（截至2023年）');
  await expect(page.getByTestId('benchmark-report-table')).toContainText('88.37%');
  await shoot(page, 'report-print-benchmarks');
});

test('a reviewer is stopped by an unacknowledged source mismatch, and approves once it is acknowledged', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.goto(`/plans/${plan}/checks/2025`);
  await expect(page.getByRole('heading', { level: 1, name: '2025年数据核对' })).toBeVisible();
  await expect(page.getByText('本年暂无其他来源的数值。')).toBeVisible();
  const form = page.getByRole('form', { name: '添加其他来源数值' });
  await form.getByLabel('数据').selectOption({ label: '14. 市级以上技术转移机构数量：10家' });
  await form.getByLabel('来源名称').fill('省科技厅公示');
  await form.getByLabel('数值').fill('9.5x');
  await form.getByRole('button', { name: '添加其他来源数值' }).click();
  await expect(form).toContainText('请输入数字');
  await expect(form.getByLabel('来源名称')).toHaveValue('省科技厅公示'); // what was typed stays
  await expect(form.getByLabel('数据').locator('option:checked')).toHaveText('14. 市级以上技术转移机构数量：10家');
  await form.getByLabel('数值').fill('12');
  await form.getByRole('button', { name: '添加其他来源数值' }).click();
  const check = page.getByTestId('check-14');
  await expect(check).toContainText('超出容差');
  await expect(check).toContainText('+2');
  await shoot(page, 'checks');
  await page.goto(`/plans/${plan}/entry/2025`);
  await expect(page.getByTestId('entry-source-mismatch')).toContainText('省科技厅公示 12');
  await shoot(page, 'entry-mismatch');
  await signOut(page);

  await signInAs(page, 'reviewer');
  await page.getByRole('link', { name: '数据审核' }).click();
  const item = page.getByTestId('review-14-2025');
  await expect(item.getByTestId('source-mismatch')).toContainText('省科技厅公示 12');
  await shoot(page, 'review-mismatch');
  await item.getByRole('button', { name: '通过' }).click();
  await expect(item.getByRole('alert')).toContainText('差异超出容差');
  await expect(item.getByRole('button', { name: '通过' })).toBeVisible(); // not approved
  await item.getByLabel('已核对来源差异').check();
  await item.getByRole('button', { name: '通过' }).click();
  await expect(item).toContainText('已审核通过');
});
