// 对标 and 核对 in the browser: a leader opens an indicator's 对标 panel (seeded from the plan text) and
// the benchmarks overview; staff add a further source that disagrees with a submitted figure, and a
// reviewer is stopped until the difference is acknowledged. Uses row 14's 2025 sample figure, which the
// sample data leaves awaiting review. Then the 对标值 Excel round trip (template of 2020, a locked value
// refused, a new value previewed, imported and awaiting review) and a tolerance change kept in the history.
import ExcelJS from 'exceljs';
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

  // ranks by year with their trend, in the panel's rank table (the same table as the county evaluation page)
  await page.goto(`/plans/${plan}/benchmarks`);
  await page.getByTestId('benchmark-summary').getByRole('link', { name: /每万人口高价值发明专利拥有量/ }).click();
  const ranks = page.getByTestId('benchmark-panel').getByTestId('benchmark-ranks');
  await expect(ranks.getByRole('row', { name: /2020/ })).toContainText('第6位');
  await expect(ranks.getByRole('row', { name: /2020/ })).toContainText('第18位');
  await shoot(page, 'indicator-benchmarks-ranks');

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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('对标值 Excel round trip: the 2020 template, a locked value refused, a new one previewed, imported and awaiting review', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.goto(`/plans/${plan}/benchmarks`);
  const form = page.getByRole('form', { name: '从 Excel 导入对标值' });
  await form.getByLabel('年份').selectOption('2020');
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('link', { name: '下载2020年对标值模板' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet('对标值')!;
  const header = (sheet.getRow(3).values as unknown[]).map(String);
  const column = (title: string) => header.indexOf(title);
  let top = 0;
  sheet.eachRow((row, number) => {
    if (row.getCell(3).value === '高新技术企业数量' && row.getCell(5).value === '数值') top = number;
  });
  // pre-filled with the seeded 2020 values, the approved ones marked locked
  expect(sheet.getCell(top, column('全省最高值')).value).toBe(258);
  expect(String(sheet.getCell(top + 1, column('全省最高值')).value)).toContain('比全省最高值258家');
  expect(sheet.getCell(top + 3, column('全省最高值')).value).toBe('已审核（锁定）');

  // a changed approved value and a new value without a source: both named, nothing imported
  sheet.getCell(top, column('全省最高值')).value = 259;
  sheet.getCell(top, column('全市平均值')).value = 96;
  const upload = async () => {
    await form.getByLabel('填好的模板（.xlsx）').setInputFiles({ name: '对标值.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
    await form.getByRole('button', { name: '上传并预览' }).click();
  };
  await upload();
  const errors = form.getByTestId('benchmark-import-errors');
  await expect(errors).toContainText('6. 高新技术企业数量 · 全省最高值');
  await expect(errors).toContainText('该对标值已审核锁定，不能通过导入修改');
  await expect(errors).toContainText('6. 高新技术企业数量 · 全市平均值');
  await expect(errors).toContainText('请填写数据来源');
  await expect(form.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  await shoot(page, 'benchmark-import-errors');

  // corrected: the preview shows the one new value, the rest unchanged
  sheet.getCell(top, column('全省最高值')).value = 258;
  sheet.getCell(top + 1, column('全市平均值')).value = '石家庄市2020年高新技术企业统计';
  await upload();
  const preview = form.getByTestId('benchmark-import-preview');
  const added = preview.getByTestId('benchmark-import-row').filter({ hasText: '新增' });
  await expect(added).toHaveCount(1);
  await expect(added).toContainText('6. 高新技术企业数量');
  await expect(added).toContainText('全市平均值');
  await expect(added).toContainText('96');
  await expect(preview.getByTestId('benchmark-import-unchanged')).toContainText('无变化的对标值'); // the seeded values, folded away
  await shoot(page, 'benchmark-import-preview');
  await form.getByRole('button', { name: '确认导入 1 个对标值并提交审核' }).click();
  await expect(form.getByRole('status')).toContainText('已导入：新增 1 个、修改 0 个对标值，均已提交审核。');
  await signOut(page);

  // reviewed like a value entered by hand
  await signInAs(page, 'reviewer');
  await page.goto(`/plans/${plan}/benchmarks`);
  const pending = page.locator('[data-testid^="pending-reference-"]').filter({ hasText: '2020 6. 高新技术企业数量 全市平均值' });
  await expect(pending).toContainText('石家庄市2020年高新技术企业统计');
  await pending.getByRole('button', { name: '通过' }).click();
  await expect(pending).toHaveCount(0); // approved: no longer awaiting review
});

test('a tolerance change is kept with who, when, old → new and the reason, shown beside the tolerance', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto(`/plans/${plan}/checks/2025`);
  const rule = page.getByTestId('rule-3');
  await rule.getByRole('textbox', { name: '主口径', exact: true }).fill('统计部门');
  await rule.getByRole('combobox', { name: '容差方式' }).selectOption('relative');
  await rule.getByRole('textbox', { name: '容差', exact: true }).fill('5');
  await rule.getByRole('button', { name: '保存' }).click();
  await expect(rule.getByTestId('rule-history-3')).toContainText('容差 须一致（未设容差） → ±5.00%；主口径设为 统计部门');
  await rule.getByRole('combobox', { name: '容差方式' }).selectOption('absolute');
  await rule.getByRole('textbox', { name: '容差', exact: true }).fill('0.5');
  await rule.getByRole('textbox', { name: '修改原因（可选）' }).fill('按市统计局口径调整');
  await rule.getByRole('button', { name: '保存' }).click();
  const history = rule.getByTestId('rule-history-3');
  await expect(history).toContainText('容差 ±5.00% → ±0.5');
  await expect(history).toContainText('（原因：按市统计局口径调整）');
  await expect(history).toContainText('更早的修改（1）');
  await shoot(page, 'checks-rule-history');
});
