// The 责任分解表 and the Excel import of key-task reports in the browser: an admin sets an indicator's
// 配合单位 from the table's link and sees it there (and in the xlsx/docx); staff download a period's
// template, fill in one action, upload it, check the preview and confirm; the report is then a draft on the
// action's page. Screenshots at desktop and phone width.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { signInAs, signOut } from './helpers/auth';
import { resetDatabase } from './helpers/database';
import { bothWidths } from './helpers/screenshots';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const plan = 'luquan-2021-2025';

test('the responsibility matrix lists every indicator and action, 未填写 until an admin sets the units, and downloads', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'admin');
  await page.goto(`/plans/${plan}/tasks`);
  await page.getByRole('link', { name: '责任分解表' }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${plan}/responsibilities$`));
  const table = page.getByTestId('responsibility-table');
  await expect(table.locator('[data-kind=indicator]')).toHaveCount(16);
  await expect(table.locator('[data-kind=action]')).toHaveCount(36);
  await expect(page.getByTestId('responsibility-summary')).toContainText('主要指标16项，重点任务36项');

  // the first indicator's units, set on its definition form
  await table.locator('[data-kind=indicator]').first().getByRole('link', { name: '去设置' }).click();
  await page.getByLabel('责任单位（牵头单位）').fill('区统计局');
  await page.getByLabel('配合单位').fill('区科技局、区财政局');
  await page.getByRole('button', { name: '保存指标' }).click();
  await expect(page.getByText('指标已保存。')).toBeVisible();
  await page.goto(`/plans/${plan}/responsibilities`);
  const first = page.getByTestId('responsibility-table').locator('[data-kind=indicator]').first();
  await expect(first).toContainText('区统计局');
  await expect(first).toContainText('区科技局、区财政局');
  await expect(page.getByTestId('responsibility-summary')).toContainText('主要指标15项，重点任务36项');
  await bothWidths(page, 'responsibilities');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('responsibility-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe('鹿泉区科技创新十四五规划责任分解表.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await xlsx.path())!)) as never);
  const sheet = workbook.getWorksheet('责任分解表')!;
  expect(sheet.getRow(2).values).toEqual([undefined, '类别', '序号', '指标或任务', '牵头单位', '配合单位']);
  expect([sheet.getCell(3, 4).value, sheet.getCell(3, 5).value]).toEqual(['区统计局', '区科技局、区财政局']);
  expect(sheet.getCell(4, 4).value).toBe('未填写');

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('responsibility-export-docx').click()]);
  const bytes = await readFile((await docx.path())!);
  await mkdir('artifacts', { recursive: true });
  await writeFile('artifacts/responsibilities.docx', bytes); // looked at as PDF (soffice) by the developer
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(xml).toContain('责任分解表');
  expect(xml).toContain('区科技局、区财政局');

  await page.goto(`/plans/${plan}/responsibilities/print`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('鹿泉区科技创新“十四五”规划责任分解表');
});

test('staff import a period of key-task reports from the template: preview, then confirm', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'staff');
  await page.goto(`/plans/${plan}/tasks`);
  await page.getByTestId('task-import-link').click();
  await page.getByLabel('年份').selectOption('2024');
  await page.locator('select[name=half]').selectOption('FY');
  await page.getByRole('button', { name: '切换', exact: true }).click();
  await expect(page.getByRole('heading', { name: '报告期：2024年全年' })).toBeVisible();

  const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('task-template-link').click()]);
  expect(template.suggestedFilename()).toBe('鹿泉区十四五规划重点任务填报_2024年全年.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await template.path())!)) as never);
  const sheet = workbook.getWorksheet('任务填报')!;
  expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(['专栏', '序号', '任务名称', '推进状态', '进展情况', '审核状态']));
  const row = Array.from({ length: 36 }, (_, i) => sheet.getRow(4 + i)).find((r) => r.getCell(1).value === 2 && r.getCell(2).value === 1)!;
  row.getCell(4).value = '推进中';
  row.getCell(5).value = 60;
  row.getCell(6).value = '全年突破关键核心技术3项。';
  row.getCell(11).value = 3; // 关键核心技术（项）
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.getByLabel('选择填好的模板（.xlsx）').setInputFiles({ name: '重点任务.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByTestId('task-import-message')).toContainText('请核对以下预览');
  await expect(page.getByTestId('task-import-row')).toHaveCount(1);
  await expect(page.getByTestId('task-import-row')).toContainText('新增报告');
  await bothWidths(page, 'task-import-preview');
  await page.getByRole('button', { name: '确认导入 1 项' }).click();
  await expect(page.getByTestId('task-import-message')).toContainText('导入完成：新增 1 项报告');

  await page.goto(`/plans/${plan}/tasks?year=2024&includeUnapproved=1`);
  await page.getByRole('link', { name: '开展主导产业关键核心技术攻关行动' }).click();
  await expect(page.getByTestId('task-report').first()).toContainText('全年突破关键核心技术3项。');
  await expect(page.getByTestId('task-report').first()).toContainText('草稿');
  await signOut(page);
});
