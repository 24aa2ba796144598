// Key tasks in the browser: staff report an action with an evidence file, a reviewer returns it, staff
// resubmit, the reviewer approves; the leader's counts move; the evidence and the 重点任务推进情况表
// (xlsx, docx) download and read back. Screenshots at desktop and phone width.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { signInAs, signOut } from './helpers/auth';
import { resetDatabase } from './helpers/database';
import { bothWidths } from './helpers/screenshots';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const plan = 'luquan-2021-2025';
const ACTION = '开展主导产业关键核心技术攻关行动';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function openAction(page: Page) {
  await page.goto(`/plans/${plan}/tasks`);
  await page.getByRole('link', { name: ACTION }).click();
  await expect(page.getByRole('heading', { level: 1, name: `1. ${ACTION}` })).toBeVisible();
}

test('staff report with evidence, a reviewer returns then approves, the leader sees the counts move, the table downloads', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'leader');
  await expect(page.getByTestId('task-summary')).toContainText('36项重点任务中，已完成0项，推进中0项，滞后0项');
  await page.getByTestId('task-summary').getByRole('link', { name: '查看重点任务' }).click();
  await expect(page.getByTestId('task-row')).toHaveCount(36);
  await bothWidths(page, 'tasks-overview');
  await signOut(page);

  // staff: a report with a target value and a PDF
  await signInAs(page, 'staff');
  await page.getByRole('link', { name: '重点任务' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/plans/${plan}/tasks`));
  await openAction(page);
  await page.getByLabel('推进状态').selectOption('inProgress');
  await page.getByLabel('完成进度（%，可不填）').fill('120');
  await page.getByLabel('进展情况').fill('已梳理主导产业关键核心技术清单，争取省级专项两项。');
  await page.getByLabel('关键核心技术（项）完成值').fill('2');
  await page.getByLabel(/佐证材料/).setInputFiles({ name: '攻关清单.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.locator('#task-percent-error')).toContainText('请填写 0—100 的整数');
  await expect(page.getByLabel('进展情况')).toHaveValue('已梳理主导产业关键核心技术清单，争取省级专项两项。'); // what was typed stays
  await page.getByLabel('完成进度（%，可不填）').fill('40');
  await page.getByLabel(/佐证材料/).setInputFiles({ name: '攻关清单.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('该期报告已提交，等待审核。')).toBeVisible();
  await expect(page.getByTestId('task-report')).toContainText('待审核');
  await expect(page.getByTestId('evidence-link')).toHaveText('攻关清单.pdf');
  await bothWidths(page, 'task-action-staff');
  // and a project's milestone dates
  await page.goto(`/plans/${plan}/projects`);
  const project = page.getByTestId('project').first();
  await project.getByText('填写日期').click();
  const first = project.getByRole('form', { name: '填写日期 立项' });
  await first.getByLabel('计划').fill('2021-06-30');
  await first.getByLabel('实际').fill('2021-09-15');
  await first.getByRole('button', { name: '保存' }).click();
  await expect(project).toContainText('计划 2021-06-30 · 实际 2021-09-15');
  const second = project.getByRole('form', { name: '填写日期 开工' });
  await second.getByLabel('计划').fill('2022-03-01');
  await second.getByRole('button', { name: '保存' }).click();
  await expect(project).toContainText('计划 2022-03-01 · 实际 未填写');
  await signOut(page);

  // reviewer: returns with a reason
  await signInAs(page, 'reviewer');
  await openAction(page);
  const report = page.getByTestId('task-report');
  await report.getByRole('button', { name: '退回' }).click();
  await expect(report).toContainText('请填写理由');
  await report.getByLabel('退回理由（退回时必填）').fill('请补充专项申报材料');
  await report.getByRole('button', { name: '退回' }).click();
  await expect(page.getByText('已退回。')).toBeVisible();
  await signOut(page);

  // staff: see the reason, correct, resubmit
  await signInAs(page, 'staff');
  await openAction(page);
  await expect(page.getByRole('note')).toContainText('请补充专项申报材料');
  await page.getByLabel('进展情况').fill('已梳理关键核心技术清单，两项省级专项已申报。');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('该期报告已提交，等待审核。')).toBeVisible();
  await signOut(page);

  // reviewer: approves; the report locks
  await signInAs(page, 'reviewer');
  await openAction(page);
  await page.getByTestId('task-report').getByRole('button', { name: '通过' }).click();
  await expect(page.getByText('已审核通过，报告已锁定。')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('task-report')).toContainText('已审核');
  await expect(page.getByText('审核通过').first()).toBeVisible(); // history
  await bothWidths(page, 'task-action-approved');
  await signOut(page);

  // leader: the counts moved, on the overview and on the tasks page; evidence and table download
  await signInAs(page, 'leader');
  await expect(page.getByTestId('task-summary')).toContainText('36项重点任务中，已完成0项，推进中1项，滞后0项');
  await bothWidths(page, 'home-with-tasks');
  await page.goto(`/plans/${plan}/tasks`);
  await expect(page.getByTestId('task-sentence')).toContainText('推进中1项');
  await page.getByLabel('状态').selectOption('inProgress');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toContainText('两项省级专项已申报');

  await openAction(page);
  const [evidence] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-link').click()]);
  expect(evidence.suggestedFilename()).toBe('攻关清单.pdf');
  expect(await readFile((await evidence.path())!)).toEqual(PDF);

  await page.goto(`/plans/${plan}/tasks`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('task-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^鹿泉区科技创新十四五规划重点任务推进情况表_\d{4}年\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await xlsx.path())!)) as never);
  const sheet = workbook.getWorksheet('重点任务推进情况表')!;
  expect(sheet.getRow(2).values).toEqual([undefined, '专栏', '序号', '任务', '责任单位', '目标', '进展情况', '状态']);
  const rows = Array.from({ length: 36 }, (_, i) => sheet.getRow(3 + i));
  const reported = rows.find((r) => r.getCell(3).value === ACTION)!;
  expect(reported.getCell(4).value).toBe('未填写');
  expect(String(reported.getCell(5).value)).toContain('突破5-10项');
  expect(reported.getCell(6).value).toBe('已梳理关键核心技术清单，两项省级专项已申报。');
  expect(reported.getCell(7).value).toBe('推进中');
  expect(rows.map((r) => r.getCell(3).value).filter(Boolean)).toHaveLength(36);

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('task-export-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/重点任务推进情况表_\d{4}年\.docx$/);
  const zip = await JSZip.loadAsync(await readFile((await docx.path())!));
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(xml).toContain('重点任务推进情况表');
  expect(xml).toContain('36项重点任务中，已完成0项，推进中1项，滞后0项');
  expect(xml).toContain('两项省级专项已申报');

  await page.goto(`/plans/${plan}/projects`);
  await expect(page.getByTestId('project')).toHaveCount(8);
  await bothWidths(page, 'projects');
});

test('an admin adds a milestone of their own to a project, and removes it', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto(`/plans/${plan}/projects`);
  const project = page.getByTestId('project').nth(2);
  await project.getByText('填写日期').click();
  const add = project.getByRole('form', { name: '添加里程碑' });
  await add.getByRole('button', { name: '添加里程碑' }).click();
  await expect(add.getByText('请填写名称')).toBeVisible(); // an empty name is refused next to the field
  await add.getByLabel('新里程碑名称').fill('竣工验收');
  await add.getByRole('button', { name: '添加里程碑' }).click();
  await expect(project.locator('ul li').last()).toContainText('竣工验收');
  await expect(project.getByRole('form', { name: '填写日期 竣工验收' })).toBeVisible();
  await bothWidths(page, 'projects-admin');

  await project.getByRole('button', { name: '删除 竣工验收' }).click();
  await expect(project.getByRole('form', { name: '填写日期 竣工验收' })).toHaveCount(0);
  await expect(project.locator('ul li')).toHaveCount(4);
});
