// The import of a new plan's key tasks (专栏, actions, quantified targets) in the browser: an admin creates a
// plan, downloads the 专栏 template from its tasks page, uploads a file with errors (every one listed by
// sheet and row, nothing written), then the filled-in file: the preview shows each 专栏 with its actions and
// targets and the counts; confirming writes them and the 专栏 appear on the tasks page. The import is gone
// once the plan has tasks. Screenshots of the preview at desktop and phone width.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { signInAs, signOut } from './helpers/auth';
import { resetDatabase } from './helpers/database';
import { fillFields } from './helpers/forms';
import { bothWidths } from './helpers/screenshots';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const slug = 'ceshi-2026-2030';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function filled(template: Buffer, actions: ExcelJS.CellValue[][], targets: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as never);
  actions.forEach((values, i) => { workbook.getWorksheet('重点任务')!.getRow(3 + i).values = values; });
  targets.forEach((values, i) => { workbook.getWorksheet('量化目标')!.getRow(3 + i).values = values; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('an admin imports a new plan’s 专栏 from the template: errors first, then preview, then confirm', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'admin');
  await page.goto('/admin/plans');
  const create = page.getByRole('region', { name: '新建空白规划' });
  await fillFields(create, {
    规划名称: '测试区科技创新“十五五”规划', 简称: '十五五', 地区: '测试区', 基期年: '2025', 起始年: '2026', 目标年: '2030',
    '标识（网址中使用）': slug, 来源文件: '测试区科技创新“十五五”规划（征求意见稿）', 指标类别: '创新投入',
  });
  await create.getByRole('button', { name: '创建规划' }).click();
  await expect(create.getByRole('status')).toHaveText('规划已创建。');

  await page.goto(`/plans/${slug}/tasks`);
  const section = page.getByTestId('programme-import');
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: '下载重点任务导入表' }).click()]);
  const template = await readFile((await download.path())!);

  // a file with errors: every one listed with its sheet and row; no preview, no confirmation, nothing written
  const bad = await filled(template, [[1, '企业创新', 1, null, '原文甲'], ['一', null, 2, '开展乙行动', '原文乙']], [[1, 9, '每年2项', '成果', '项', '每周', 2]]);
  await section.getByLabel('选择填好的导入表（.xlsx）').setInputFiles({ name: '重点任务.xlsx', mimeType: XLSX, buffer: bad });
  await section.getByRole('button', { name: '上传并预览' }).click();
  const message = page.getByTestId('programme-import-message');
  await expect(message).toContainText('文件中有以下 4 个问题，未导入任何任务');
  const errors = page.getByTestId('programme-import-errors').locator('li');
  await expect(errors).toHaveCount(4);
  await expect(errors.nth(0)).toHaveText('“重点任务”表第 3 行：请填写任务名称');
  await expect(errors.nth(1)).toHaveText('“重点任务”表第 4 行：专栏须为正整数');
  await expect(errors.nth(2)).toHaveText('“量化目标”表第 3 行：专栏和序号不是“重点任务”表中的任务');
  await expect(errors.nth(3)).toHaveText('“量化目标”表第 3 行：类型须为“每年”“累计”或“期末达到”');
  await expect(page.getByTestId('programme-import-preview')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  await bothWidths(page, 'programme-import-errors');
  await page.reload();
  await expect(page.getByTestId('programme-import')).toBeVisible(); // still no tasks

  // the filled-in file: the preview, then the confirmation
  const good = await filled(
    template,
    [[1, '实施创新主体培育工程', 1, '开展高新技术企业倍增行动', '原文甲'], [1, null, 2, '开展科技型中小企业培育行动', '原文乙'], [2, null, 1, '开展产学研协同创新行动', '原文丙']],
    [[1, 1, '每年新增高新技术企业10家以上', '高新技术企业', '家', '每年', 10, null, '以上', null], [2, 1, '到2030年组建产业技术创新联盟5—8个', '产业技术创新联盟', '个', '期末达到', 5, 8, null, 2030]],
  );
  await section.getByLabel('选择填好的导入表（.xlsx）').setInputFiles({ name: '重点任务.xlsx', mimeType: XLSX, buffer: good });
  await section.getByRole('button', { name: '上传并预览' }).click();
  await expect(message).toContainText('请核对以下预览，确认后才会导入');
  const preview = page.getByTestId('programme-import-preview');
  await expect(page.getByTestId('programme-import-counts')).toHaveText('共 2 个专栏、3 项行动、2 个量化目标');
  const programmes = preview.getByTestId('programme-import-programme');
  await expect(programmes).toHaveCount(2);
  await expect(programmes.nth(0)).toContainText('专栏1 实施创新主体培育工程');
  await expect(programmes.nth(0)).toContainText('第1项 开展高新技术企业倍增行动');
  await expect(programmes.nth(0)).toContainText('高新技术企业：10家以上（每年）');
  await expect(programmes.nth(1)).toContainText('专栏2（标题缺失）');
  await expect(programmes.nth(1)).toContainText('产业技术创新联盟：5—8个（期末达到，截至2030年）');
  await bothWidths(page, 'programme-import-preview');
  await page.reload();
  await expect(page.getByText('开展高新技术企业倍增行动')).toHaveCount(0); // the preview wrote nothing

  await section.getByLabel('选择填好的导入表（.xlsx）').setInputFiles({ name: '重点任务.xlsx', mimeType: XLSX, buffer: good });
  await section.getByRole('button', { name: '上传并预览' }).click();
  await page.getByRole('button', { name: '确认导入 2 个专栏、3 项行动' }).click();
  await expect(page.getByTestId('programme-import')).toHaveCount(0); // imported once: the import is gone
  await expect(page.getByRole('region', { name: '各专栏推进情况' })).toContainText('专栏1 实施创新主体培育工程');
  await expect(page.getByRole('link', { name: '开展产学研协同创新行动' })).toBeVisible();
  await bothWidths(page, 'programme-import-done');
  await signOut(page);
});
