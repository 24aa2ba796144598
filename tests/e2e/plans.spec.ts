// Plan management in the browser: an admin sets up a small 2026–2030 plan with one indicator of each
// kind and due dates, staff enter a figure, a reviewer approves it and the overview shows it; then a
// 表1-layout import with a bad row. 十四五 stays the current plan and its data is not touched (the
// specs after this one read it); the plans created here are new ones with their own slugs.
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { signInAs, signOut } from './helpers/auth';
import { resetDatabase } from './helpers/database';
import { fillFields } from './helpers/forms';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const slug = 'e2e-2026-2030';
const shots = 'artifacts/screenshots';

/** Yesterday in the bureau's time zone: a due date that has passed whenever the test runs. */
function yesterday(): string {
  return new Date(Date.now() - 24 * 3600 * 1000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

async function addIndicator(page: Page, fields: Record<string, string>, selects: Record<string, string>) {
  await page.goto(`/admin/plans/${slug}/indicators/new`);
  await expect(page.getByRole('heading', { level: 1, name: '添加指标' })).toBeVisible();
  for (const [label, value] of Object.entries(selects)) await page.getByLabel(label, { exact: true }).selectOption({ label: value });
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: '添加指标' }).click();
  await expect(page.getByRole('status')).toHaveText('指标已添加。');
}

test('an admin sets up a plan with three kinds of indicators; staff enter, a reviewer approves, the overview shows it', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await signInAs(page, 'admin');
  await page.getByRole('link', { name: '规划管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '规划管理' })).toBeVisible();

  // the current plan cannot be archived: the refusal says why
  const current = page.getByTestId('plan-row').filter({ hasText: 'luquan-2021-2025' });
  await expect(current).toContainText('当前规划');
  await current.getByRole('button', { name: '归档 十四五' }).click();
  await expect(current.getByRole('alert')).toContainText('当前规划不能归档');

  const create = page.getByRole('region', { name: '新建空白规划' });
  await fillFields(create, {
    规划名称: '测试区科技创新“十五五”规划', 简称: '十五五', 地区: '测试区', 基期年: '2025', 起始年: '2026', 目标年: '2025',
    '标识（网址中使用）': 'Bad Slug', 来源文件: '测试区科技创新“十五五”规划（征求意见稿）',
  });
  await create.getByRole('button', { name: '创建规划' }).click();
  await expect(create.getByRole('alert')).toHaveText('请检查标红的内容。');
  await expect(create).toContainText('目标年不能早于起始年');
  await expect(create).toContainText('标识只能由小写字母、数字和连字符组成');
  await expect(create).toContainText('请至少填写一个类别');
  await expect(create.getByLabel('规划名称')).toHaveValue('测试区科技创新“十五五”规划'); // what was typed stays
  await create.getByLabel('目标年').fill('2030');
  await create.getByLabel('标识（网址中使用）').fill(slug);
  await create.getByLabel('指标类别').fill('创新投入\n创新产出');
  await create.getByRole('button', { name: '创建规划' }).click();
  await expect(create.getByRole('status')).toHaveText('规划已创建。');
  await create.getByRole('link', { name: /打开新规划/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /测试区科技创新“十五五”规划/ })).toBeVisible();

  await addIndicator(
    page,
    { 指标名称: '全社会研发经费投入增长率', 单位: '%', 年均增长: '10', 显示小数位数: '1', '责任单位（牵头单位）': '区统计局', 联系人: '张三 12345678' },
    { 指标类型: '增长率', 指标属性: '约束性' },
  );
  await addIndicator(
    page,
    { 序号: '2', 类别: '创新产出', 指标名称: '高新技术企业数量', 单位: '家', '2025 年基数': '100', '2030 年目标': '150', 累计增长: '50', 显示小数位数: '0', '责任单位（牵头单位）': '区科技局' },
    { 指标类型: '累计增量', 指标属性: '预期性' },
  );

  // the definition checks follow what is typed
  await page.goto(`/admin/plans/${slug}/indicators/new`);
  await page.getByLabel('指标类型', { exact: true }).selectOption({ label: '比重' });
  await page.getByLabel('序号', { exact: true }).fill('3');
  await page.getByLabel('指标名称', { exact: true }).fill('高新技术产业增加值占规上工业比重');
  await page.getByLabel('单位', { exact: true }).fill('%');
  await page.getByLabel('2025 年基数', { exact: true }).fill('40');
  await page.getByLabel('2030 年目标', { exact: true }).fill('120');
  const checks = page.getByTestId('definition-checks');
  await expect(checks).toContainText('比重指标的目标值120不在0～100之间');
  await page.getByLabel('2030 年目标', { exact: true }).fill('50');
  await page.getByLabel('年均增长', { exact: true }).fill('3');
  await expect(checks).toContainText('列出的年均增长为 3，由基数和目标推算为 2。');
  await page.getByLabel('年均增长', { exact: true }).fill('2');
  await expect(checks).toContainText('未发现问题');
  await page.getByLabel('显示小数位数', { exact: true }).fill('1');
  await page.getByLabel('责任单位（牵头单位）', { exact: true }).fill('区发改局');
  await page.screenshot({ path: `${shots}/plan-indicator-form-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/plan-indicator-form-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: '添加指标' }).click();
  await expect(page.getByRole('status')).toHaveText('指标已添加。');

  // order, binding mark, due dates
  await page.goto(`/admin/plans/${slug}`);
  const rows = page.getByTestId('indicator-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('全社会研发经费投入增长率');
  await expect(rows.nth(0).getByTestId('binding-badge')).toHaveText('约束性');
  await page.getByRole('button', { name: '下移 全社会研发经费投入增长率' }).click();
  await expect(rows.nth(0)).toContainText('1. 高新技术企业数量');
  await expect(rows.nth(1)).toContainText('2. 全社会研发经费投入增长率');
  await expect(page.getByTestId('definition-checks').first()).toContainText('未发现问题');
  const due = page.getByRole('region', { name: '填报截止日期' });
  await due.getByLabel('2026 年数据').fill(yesterday());
  await due.getByLabel('2027 年数据').fill('2028-03-31');
  await due.getByRole('button', { name: '保存截止日期' }).click();
  await expect(due.getByRole('status')).toHaveText('截止日期已保存。');
  await page.reload();
  await expect(page.getByRole('region', { name: '填报截止日期' }).getByLabel('2027 年数据')).toHaveValue('2028-03-31');
  await page.screenshot({ path: `${shots}/plan-admin-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/plan-admin-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await signOut(page);

  // staff: the overdue list names this plan's indicators, then a figure is entered and submitted
  await signInAs(page, 'staff');
  await page.goto(`/plans/${slug}/entry`);
  const mine = page.getByTestId('my-overdue');
  await expect(mine).toContainText('2026 年 · 1. 高新技术企业数量');
  await expect(mine.locator('li')).toHaveCount(3);
  await page.screenshot({ path: `${shots}/plan-entry-years-desktop.png`, fullPage: true });
  await page.goto(`/plans/${slug}/entry/2026`);
  const row1 = page.getByTestId('entry-row-1');
  await expect(page.getByTestId('entry-row-2').getByTestId('binding-badge')).toBeVisible();
  await row1.getByLabel('2026年数值').fill('112');
  await row1.getByLabel('数据来源').fill('部门报送');
  await row1.getByLabel('初步/正式').selectOption('final');
  await row1.getByRole('button', { name: '提交此项' }).click();
  await expect(page.getByRole('status')).toContainText('已保存并提交审核');
  await signOut(page);

  await signInAs(page, 'reviewer');
  await page.goto('/review');
  const item = page.getByTestId('review-1-2026');
  await expect(item).toContainText('测试区科技创新“十五五”规划');
  await item.getByRole('button', { name: '通过' }).click();
  await expect(item).toContainText('已审核通过'); // the queue keeps the item with its outcome
  await signOut(page);

  // the overview: the figure, the binding indicator first, who is late, and the plan switcher
  await signInAs(page, 'leader');
  await page.goto(`/plans/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: '测试区科技创新“十五五”规划' })).toBeVisible();
  const card = page.locator('[data-testid="indicator-card"][data-sequence="1"]');
  await expect(card).toContainText('112');
  await expect(page.getByTestId('binding-indicators')).toContainText('全社会研发经费投入增长率');
  const late = page.getByTestId('late-units');
  await expect(late).toContainText('区统计局');
  await expect(late).toContainText('区发改局');
  await expect(late).not.toContainText('区科技局'); // its 2026 figure is approved
  await page.screenshot({ path: `${shots}/plan-overview-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/plan-overview-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const switcher = page.getByRole('navigation', { name: '切换规划' });
  // another spec (evaluation.spec) may have created a 十五五 plan too: the current link is this one
  await expect(switcher.locator('a[aria-current="page"]')).toHaveText(/十五五/);
  await switcher.getByRole('link', { name: '十四五' }).click();
  await expect(page).toHaveURL(/\/plans\/luquan-2021-2025$/);
  await signOut(page);

  // a definition with an approved figure changes only with a reason; what was typed stays
  await signInAs(page, 'admin');
  await page.goto(`/admin/plans/${slug}`);
  await page.getByRole('link', { name: '高新技术企业数量' }).click();
  await page.getByLabel('2030 年目标', { exact: true }).fill('160');
  await page.getByLabel('累计增长', { exact: true }).fill('60');
  await page.getByRole('button', { name: '保存指标' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写修改原因' })).toBeVisible();
  await expect(page.getByLabel('2030 年目标', { exact: true })).toHaveValue('160');
  await page.getByLabel('修改原因').fill('按区政府批复调整目标');
  await page.getByRole('button', { name: '保存指标' }).click();
  await expect(page.getByRole('status')).toHaveText('指标已保存。');
  // it has a figure: removing is refused, with the way out
  await page.goto(`/admin/plans/${slug}`);
  await page.getByRole('button', { name: '删除 高新技术企业数量' }).click();
  await expect(page.getByTestId('indicator-row').nth(0).getByRole('alert')).toContainText('不能删除。如不再使用，请改为归档');
});

async function planTable(badAttribute: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('表1');
  sheet.addRow(['测试区“十五五”科技创新主要指标']);
  sheet.addRow(['类别', '指标名称', '2025年基数', '2030年目标', '年均增长[累计]', '指标属性']);
  sheet.addRow(['创新投入', '1.研发经费投入增长率（%）', '-', '-', '10', '约束性']);
  sheet.addRow(['', '2.研发经费投入强度（%）', '2.1', '3.1', '0.2', '预期性']);
  sheet.addRow(['创新产出', '3.有效发明专利（件）', '800', '1300', '[500]', badAttribute ? '重要' : '预期性']);
  sheet.addRow(['注：[]括弧内数据为5年累计增长。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a 表1-layout table imports as a new plan; a bad row is named and nothing is created', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await signInAs(page, 'admin');
  await page.goto('/admin/plans');
  const form = page.getByRole('region', { name: '从表1格式的 Excel 导入' });
  await fillFields(form, {
    规划名称: '导入测试规划', 简称: '导入测试', 地区: '测试区', 基期年: '2025', 起始年: '2026', 目标年: '2030',
    '标识（网址中使用）': 'e2e-import-2026-2030', 来源文件: '测试表格',
  });
  await form.getByLabel('表1 文件（.xlsx）').setInputFiles({ name: '表1.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await planTable(true) });
  await form.getByRole('button', { name: '导入为新规划' }).click();
  await expect(form.getByRole('alert')).toContainText('未导入任何内容');
  await expect(form.getByTestId('import-errors')).toHaveText('第 5 行：指标属性“重要”无法识别，应为预期性或约束性');
  await expect(page.getByTestId('plan-row').filter({ hasText: 'e2e-import-2026-2030' })).toHaveCount(0);
  await expect(form.getByLabel('规划名称')).toHaveValue('导入测试规划');
  await page.screenshot({ path: `${shots}/plans-admin-import-error-desktop.png`, fullPage: true });

  await form.getByLabel('表1 文件（.xlsx）').setInputFiles({ name: '表1.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await planTable(false) });
  await form.getByRole('button', { name: '导入为新规划' }).click();
  await expect(form.getByRole('status')).toHaveText('规划已按表格导入。');
  const row = page.getByTestId('plan-row').filter({ hasText: 'e2e-import-2026-2030' });
  await expect(row).toContainText('进行中');
  await page.screenshot({ path: `${shots}/plans-admin-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/plans-admin-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/admin/plans/e2e-import-2026-2030');
  const list = page.getByTestId('indicator-row');
  await expect(list).toHaveCount(3);
  await expect(list.nth(2)).toContainText('3. 有效发明专利');
  await expect(list.nth(0).getByTestId('binding-badge')).toBeVisible();

  // archived: still listed and readable, no longer editable
  await page.goto('/admin/plans');
  await row.getByRole('button', { name: '归档 导入测试' }).click();
  await expect(row).toContainText('已归档');
  await page.goto('/admin/plans/e2e-import-2026-2030');
  await expect(page.getByText('本规划已归档')).toBeVisible();
  await expect(page.getByRole('link', { name: '添加指标' })).toHaveCount(0);
});
