// Issue 15: the Excel round trip in the browser — download the pre-filled template, change it (exceljs),
// upload it, see the preview with every error named by its indicator, correct the file, see the preview
// again (stored → new), confirm, and find the figure saved as a draft. Also the numbers drawn without a
// doubt: indicator 15's chart axis (whole numbers, no repeated labels) and the final evaluation's words.
// Writes only row 16 in 2023 (empty in the sample data and read as 暂无数据 only by approved-only views).
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const plan = 'luquan-2021-2025';
const shots = 'artifacts/screenshots';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rowOf = (sequence: number) => 3 + sequence;

async function downloadTemplate(page: Page): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 2023 年填报模板' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  return workbook;
}

async function upload(page: Page, workbook: ExcelJS.Workbook) {
  await page.getByLabel('选择填好的模板（.xlsx）').setInputFiles({ name: '填报.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
  await page.getByRole('button', { name: '上传并预览' }).click();
}

test('download the pre-filled template, upload it, see every error by indicator, then the preview, and confirm', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.goto(`/plans/${plan}/entry/2023`);
  await expect(page.getByRole('heading', { level: 1, name: '2023年数据填报' })).toBeVisible();

  const workbook = await downloadTemplate(page);
  const sheet = workbook.getWorksheet('填报')!;
  // pre-filled with the stored figure; the approved row says it is locked; the sheet says blank cells change nothing
  expect(sheet.getCell(rowOf(6), 5).value).toBe(345);
  expect(sheet.getCell(rowOf(6), 9).value).toBe('已审核（锁定）');
  expect(sheet.getCell(rowOf(16), 5).value).toBeNull();
  expect(String(sheet.getCell(2, 1).value)).toContain('留空的单元格不会改变系统中已存的内容');

  // a locked row changed and a format error: both listed at once, each by its indicator
  sheet.getCell(rowOf(6), 5).value = 350;
  sheet.getCell(rowOf(16), 5).value = 'abc';
  await upload(page, workbook);
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('第6项 高新技术企业数量');
  await expect(errors).toContainText('已审核锁定');
  await expect(errors).toContainText('第16项 市级以上孵化器数量');
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  await page.getByTestId('import-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/import-errors-desktop.png`, fullPage: true });

  // corrected: row 6 as stored (unchanged, not imported), row 16 a new figure
  sheet.getCell(rowOf(6), 5).value = 345;
  sheet.getCell(rowOf(16), 5).value = 5;
  sheet.getCell(rowOf(16), 6).value = '区科技局台账';
  await upload(page, workbook);
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('[data-sequence="16"]')).toContainText('新增');
  await expect(preview.locator('[data-sequence="16"]')).toContainText('区科技局台账');
  await expect(preview.locator('[data-sequence="6"]')).toContainText('无变化，不导入');
  await expect(page.getByRole('alert').or(page.getByRole('status')).first()).toContainText('确认后才会导入');
  await page.screenshot({ path: `${shots}/import-preview-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/import-preview-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // nothing written before confirming
  await page.reload();
  await expect(page.getByTestId('entry-row-16').getByLabel('2023年数值')).toHaveValue('');
  await upload(page, workbook);
  await page.getByRole('button', { name: '确认导入 1 项' }).click();
  await expect(page.getByRole('status').filter({ hasText: '导入完成' })).toContainText('新增 1 项');
  await page.reload();
  await expect(page.getByTestId('entry-row-16').getByLabel('2023年数值')).toHaveValue('5');
  await expect(page.getByTestId('entry-row-16')).toContainText('草稿');
});

test('numbers drawn without a doubt: whole-number axis ticks, 待终期评价 and 初步 in the final evaluation', async ({ page }) => {
  await signInAs(page, 'leader');
  const id15 = await indicatorId(page, 15);
  await page.goto(`/plans/${plan}/indicators/${id15}?year=2025`);
  const ticks = page.getByTestId('trajectory-chart').locator('.recharts-yAxis-tick-labels text');
  await expect(ticks.first()).toBeVisible();
  const labels = (await ticks.allTextContents()).map((t) => t.trim());
  expect(labels.length).toBeGreaterThanOrEqual(2);
  expect(new Set(labels).size).toBe(labels.length);
  for (const label of labels) expect(label).toMatch(/^\d+$/);
  await expect(page.getByText('已超出目标 1 家')).toBeVisible();
  await page.screenshot({ path: `${shots}/indicator-15-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/indicator-15-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // the 2025 report: row 13 has no approved 2025 figure → 待终期评价; 2025 figures are preliminary → 初步
  await page.goto(`/reports/${plan}/2025`);
  const table = page.locator('table').first();
  await expect(table.locator('tbody tr').nth(12)).toContainText('待终期评价');
  await expect(table.locator('tbody tr').nth(5)).toContainText('（初步）');
  await expect(page.getByText('标注“初步”的为初步统计数据')).toBeVisible();
  await page.screenshot({ path: `${shots}/report-2025-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/report-2025-phone.png`, fullPage: true });
});

async function indicatorId(page: Page, sequence: number): Promise<string> {
  await page.goto(`/plans/${plan}?year=2023`);
  const href = await page.locator(`[data-testid="indicator-card"][data-sequence="${sequence}"] a`).first().getAttribute('href');
  return /indicators\/(\d+)/.exec(href!)![1]!;
}
