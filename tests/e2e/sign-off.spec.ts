// Issue 15: the sign-off block (落款) — an admin sets it per plan; the print page and the Word report
// carry it (empty fields as blank lines to sign on).
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const plan = 'luquan-2021-2025';
const shots = 'artifacts/screenshots';

test('an admin sets the sign-off; it shows on the print page and in the Word report', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto(`/admin/plans/${plan}`);
  const section = page.locator('section', { has: page.getByRole('heading', { name: '报表落款' }) });
  await section.getByLabel('填报单位（盖章）').fill('鹿泉区科学技术局');
  await section.getByLabel('负责人').fill('张明');
  await section.getByLabel('联系电话').fill('abc');
  await section.getByRole('button', { name: '保存落款' }).click();
  await expect(section.getByRole('alert')).toBeVisible();
  await expect(section.getByText('电话只能包含数字')).toBeVisible();
  await expect(section.getByLabel('负责人')).toHaveValue('张明'); // what was typed stays
  await section.getByLabel('联系电话').fill('0311-82012345');
  await section.getByLabel('填表人').fill('王璐');
  await section.getByRole('button', { name: '保存落款' }).click();
  await expect(section.getByRole('status')).toContainText('落款已保存');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/sign-off-admin-desktop.png`, fullPage: true });

  await page.goto(`/reports/${plan}/2023/print`);
  const block = page.getByTestId('sign-off');
  for (const text of ['填报单位（盖章）：', '鹿泉区科学技术局', '负责人：', '张明', '审核人：', '填表人：', '王璐', '联系电话：', '0311-82012345', '填报日期：']) {
    await expect(block).toContainText(text);
  }
  await page.screenshot({ path: `${shots}/print-sign-off-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/print-sign-off-phone.png`, fullPage: true });

  const response = await page.request.get(`/reports/${plan}/2023/export/docx`);
  expect(response.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await response.body())).file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const expected of ['填报单位（盖章）：鹿泉区科学技术局', '负责人：张明', '审核人：', '填表人：王璐', '联系电话：0311-82012345', '填报日期：']) {
    expect(text).toContain(expected);
  }
});
