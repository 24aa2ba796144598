// A year's cycle in the browser: staff enter and submit, a reviewer approves one figure and returns
// another, staff see the reason, and the approved figure is locked. Runs last (files run in name
// order, one worker): it adds figures for row 16 in 2021–2022, which the sample data leaves empty and
// the other specs read as 暂无数据.
import { expect, test, type Page } from '@playwright/test';
import { signInAs, signOut } from './helpers/auth';

const plan = 'luquan-2021-2025';
const row16 = (page: Page) => page.getByTestId('entry-row-16');
const shots = 'artifacts/screenshots';

test('staff enter and submit, a reviewer approves one and returns one, staff see the reason; approved figures lock', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.getByRole('link', { name: '数据填报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '数据填报' })).toBeVisible();
  await page.getByRole('link', { name: '填报 2021' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2021年数据填报' })).toBeVisible();

  // rows with approved sample figures are locked; row 16 has none in 2021
  await expect(page.getByTestId('entry-row-6')).toContainText('已审核锁定');
  const value = row16(page).getByLabel('2021年数值');
  await value.fill('4.5');
  await expect(row16(page)).toContainText('请输入整数');
  await value.fill('4');
  await row16(page).getByLabel('数据来源').fill('部门报送');
  await row16(page).getByLabel('初步/正式').selectOption('final');
  await page.screenshot({ path: `${shots}/entry-desktop.png`, fullPage: true });
  await row16(page).getByRole('button', { name: '提交此项' }).click();
  await expect(page.getByRole('status')).toContainText('已保存并提交审核');
  await expect(row16(page)).toContainText('待审核');

  // 2022: a value that needs confirming (far above last year and the target)
  await page.getByRole('link', { name: '2022', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2022年数据填报' })).toBeVisible();
  await row16(page).getByLabel('2022年数值').fill('20');
  await expect(row16(page)).toContainText('与2021年（4）相比变化超过 50%');
  await page.getByRole('button', { name: '保存并全部提交审核' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '尚未保存' })).toContainText('尚未保存任何数据');
  await expect(row16(page).getByLabel('2022年数值')).toHaveValue('20'); // what was typed stays
  await row16(page).getByLabel('2022年数值').fill('5');
  await page.getByRole('button', { name: '保存并全部提交审核' }).click();
  await expect(page.getByRole('status')).toContainText('已保存并提交审核');
  await signOut(page);

  await signInAs(page, 'reviewer');
  await page.getByRole('link', { name: '数据审核' }).click();
  const first = page.getByTestId('review-16-2021');
  const second = page.getByTestId('review-16-2022');
  await expect(first).toContainText('测试录入员');
  await expect(second).toContainText('5');
  await page.screenshot({ path: `${shots}/review-desktop.png`, fullPage: true });
  await first.getByRole('button', { name: '通过' }).click();
  await expect(first).toContainText('已审核通过');
  await second.getByRole('button', { name: '退回' }).click();
  await expect(second).toContainText('退回时请填写原因');
  await second.getByLabel('退回原因').fill('请附孵化器认定文件');
  await second.getByRole('button', { name: '退回' }).click();
  await expect(second).toContainText('已退回');
  await signOut(page);

  await signInAs(page, 'staff');
  await page.goto(`/plans/${plan}/entry/2022`);
  await expect(row16(page)).toContainText('已退回');
  await expect(row16(page)).toContainText('退回原因：请附孵化器认定文件');
  await page.goto(`/plans/${plan}/entry/2021`);
  await expect(row16(page)).toContainText('已审核');
  await expect(row16(page).getByLabel('2021年数值')).toHaveCount(0); // no input: locked
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/plans/${plan}/entry/2022`);
  await page.screenshot({ path: `${shots}/entry-phone.png`, fullPage: true });
});

test('the indicator page shows the history; a leader has no way to change a figure', async ({ page }) => {
  await signInAs(page, 'leader');
  await expect(page.getByRole('link', { name: '数据填报' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '数据审核' })).toHaveCount(0);
  await page.goto('/');
  await page.getByRole('link', { name: /16\. 市级以上孵化器数量/ }).first().click();
  const history = page.getByTestId('figure-history');
  await expect(history).toContainText('测试审核员 退回了 2022 年数据');
  await expect(history).toContainText('原因：请附孵化器认定文件');
  await expect(history).toContainText('测试录入员 提交了 2021 年数据');
  await expect(page.getByRole('heading', { name: '录入与审核' })).toHaveCount(0);
  await expect(page.locator('input:not([type=hidden]), textarea')).toHaveCount(0);
  await page.goto(`/plans/${plan}/entry/2022`);
  await expect(page.getByRole('heading', { name: '没有权限' })).toBeVisible();
});

test('the Excel template downloads with a Chinese name', async ({ page }) => {
  await signInAs(page, 'staff');
  await page.goto(`/plans/${plan}/entry/2023`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 2023 年填报模板' }).click();
  expect((await download).suggestedFilename()).toBe('鹿泉区十四五规划指标数据填报_2023年.xlsx');
});
