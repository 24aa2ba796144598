// The work queues in the browser (issue 15): a reviewer returns a figure; the staff member lands on
// 我的待办 after signing in, sees it with the reason, follows its link to the focused row, corrects it
// (confirming the warning on that row) and resubmits; the reviewer filters the review queue, sees the
// earlier return, and batch-approves — refused until the item's warnings are confirmed.
// Uses only row 14 of 2025 (submitted in the sample data); row 13 of 2025 stays awaiting review for
// reports.spec.ts, and row 16 stays empty for workflow.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAs, signOut } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const plan = 'luquan-2021-2025';
const shots = 'artifacts/screenshots';

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/queues-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/queues-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('staff see a returned figure in 我的待办 and follow its link; a reviewer filters and batch-approves with warning confirmation', async ({ page }) => {
  // A reviewer lands on 我的待办 with the count of figures awaiting review, in the navigation too.
  await signInAs(page, 'reviewer');
  await expect(page).toHaveURL(/\/todo$/);
  await expect(page.getByTestId('todo-review')).toContainText('有 2 项数据等待审核');
  await expect(page.getByRole('link', { name: /数据审核\s*2\s*项/ })).toBeVisible();
  await page.getByRole('link', { name: '去审核' }).click();
  const row14 = page.getByTestId('review-14-2025');
  await row14.getByLabel('退回原因').fill('请核对2025年技术转移机构名单');
  await row14.getByRole('button', { name: '退回' }).click();
  await expect(row14).toContainText('已退回');
  await signOut(page);

  // Staff land on 我的待办: the returned figure with its reason, linking to its row.
  await signInAs(page, 'staff');
  await expect(page).toHaveURL(/\/todo$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的待办' })).toBeVisible();
  const returned = page.getByTestId('todo-returned');
  await expect(returned).toContainText('2025 · 14.市级以上技术转移机构数量（家）');
  await expect(returned).toContainText('退回原因：请核对2025年技术转移机构名单');
  await expect(page.getByRole('link', { name: /我的待办\s*[1-9]\d*\s*项/ })).toBeVisible();
  await noSeriousViolations(page);
  await shoot(page, 'todo');
  await returned.getByRole('link', { name: /去修改/ }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${plan}/entry/2025#entry-row-14$`));
  const entryRow = page.getByTestId('entry-row-14');
  await expect(entryRow).toHaveAttribute('data-highlighted', 'true');
  await expect(entryRow.getByLabel('2025年数值')).toBeFocused();

  // A value that needs confirming: its 我已核实 sits in the row; the message appears at the clicked button, focus on the box.
  await entryRow.getByLabel('2025年数值').fill('4');
  await expect(entryRow).toContainText('比2024年（9）下降');
  await entryRow.getByRole('button', { name: '提交此项' }).click();
  await expect(entryRow.getByRole('alert')).toContainText('尚未保存任何数据');
  const confirmBox = entryRow.getByRole('checkbox', { name: '我已核实以上提示，数值无误' });
  await expect(confirmBox).toBeFocused();
  await expect(entryRow).toContainText('确认无误后勾选');
  await shoot(page, 'entry');
  await confirmBox.check();
  await entryRow.getByRole('button', { name: '提交此项' }).click();
  await expect(entryRow.getByRole('status')).toContainText('已保存并提交审核');
  await page.goto('/todo');
  await expect(page.getByText('没有待办事项')).toBeVisible();
  await signOut(page);

  // The reviewer filters by year and status, sees the earlier return, and batch-approves.
  await signInAs(page, 'reviewer', `/review?year=2024&status=all`);
  await expect(page.getByLabel('年份')).toHaveValue('2024');
  await expect(page.getByTestId('review-14-2025')).toHaveCount(0);
  await page.getByLabel('年份').selectOption('2025');
  await page.getByLabel('状态').selectOption('submitted');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/year=2025/);
  const item = page.getByTestId('review-14-2025');
  await expect(item).toContainText('此前被退回（测试审核员');
  await expect(item).toContainText('请核对2025年技术转移机构名单');
  await expect(item).toContainText('测试录入员');
  await expect(item).toContainText('比2024年（9）下降');

  // select all, then only row 14, by keyboard
  const selectAll = page.getByRole('checkbox', { name: /全选/ });
  await selectAll.check();
  await expect(page.getByText('已选 2 项')).toBeVisible();
  await selectAll.uncheck();
  await expect(page.getByText('已选 0 项')).toBeVisible();
  await page.getByRole('checkbox', { name: '选择 2025 14.市级以上技术转移机构数量' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('已选 1 项')).toBeVisible();
  await page.getByRole('button', { name: '批量通过（1 项）' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '尚未核实' })).toBeVisible();
  const confirmItem = item.getByRole('checkbox', { name: '我已核实以上提示，数值无误' });
  await expect(confirmItem).toBeFocused();
  await expect(page.getByTestId('review-13-2025')).not.toContainText('已审核通过');
  await noSeriousViolations(page);
  await shoot(page, 'review');
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: '批量通过（1 项）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已批量通过 1 项' })).toBeVisible();
  await expect(item).toContainText('已审核通过');
  // row 13 is untouched, still awaiting review
  await page.goto('/review');
  await expect(page.getByTestId('review-13-2025')).toBeVisible();
  await expect(page.getByTestId('review-14-2025')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /数据审核\s*1\s*项/ })).toBeVisible();
});

test('the grid view checks like the year pages; the unlock form asks for its own reason', async ({ page }) => {
  await signInAs(page, 'staff', `/plans/${plan}/entry`);
  await page.getByRole('link', { name: '按表格填报多年数据' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '按表格填报（多年）' })).toBeVisible();
  // approved cells are read-only; row 16 of 2021 has no figure and is a count
  await expect(page.getByLabel('2021年 1.全社会研发投入增长率')).toHaveCount(0);
  const cell = page.getByLabel('2021年 16.市级以上孵化器数量');
  await cell.fill('4.5');
  await expect(page.getByText('请输入整数')).toBeVisible();
  await noSeriousViolations(page);
  await shoot(page, 'grid');
  await cell.fill(''); // nothing saved: workflow.spec.ts enters row 16 itself
  await signOut(page);

  await signInAs(page, 'admin');
  await page.goto(`/plans/${plan}`);
  const href = await page.getByRole('link', { name: /1\. 全社会研发投入增长率/ }).first().getAttribute('href');
  await page.goto(href!);
  const unlock = page.locator('form').filter({ has: page.getByLabel('2021 · 解锁原因') });
  await unlock.getByRole('button', { name: '解锁' }).click();
  await expect(unlock).toContainText('解锁时请填写原因');
  await expect(unlock).not.toContainText('退回时请填写原因');
});
