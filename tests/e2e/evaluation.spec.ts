// The evaluation report (规划实施评估报告) and the 十五五 proposal page on the seeded plan with the sample data:
// the page and its Word file for 2023 (中期评估) and 2025 (总结评估), whose counts match the data API; the
// preface saved with the plan; and a new plan created from the proposals with the 2025 approved figures as baselines.
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const screenshots = 'artifacts/screenshots';
const PLAN = 'luquan-2021-2025';

async function downloadDocx(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Word（.docx）' }).click()]);
  expect(await download.failure()).toBeNull();
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
  return { name: download.suggestedFilename(), text: xml.replace(/<[^>]+>/g, ''), media };
}

test.describe('as a leader', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'leader');
  });

  for (const [year, kind, title] of [
    [2023, '中期评估', '鹿泉区科技创新“十四五”规划实施情况中期评估报告（初稿）'],
    [2025, '总结评估', '鹿泉区科技创新“十四五”规划实施情况总结评估报告（初稿）'],
  ] as const) {
    test(`the ${year} ${kind} report opens from the annual report and downloads as a Word file with its charts`, async ({ page }) => {
      await page.goto(`/reports/${PLAN}/${year}`);
      await page.getByRole('link', { name: '规划实施评估报告' }).click();
      await expect(page).toHaveURL(new RegExp(`/reports/${PLAN}/${year}/evaluation$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByText('示例数据').first()).toBeVisible();
      for (const heading of ['一、总体情况', '二、主要指标完成情况', '三、重点任务推进情况', '四、对标分析', '五、存在的问题', '六、下一步工作建议']) {
        await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      }
      // Sections 3 and 4 from the modules: no task report in the seed (one sentence); reference values of 2020 only, said so.
      await expect(page.getByText(`截至${year}年，36项重点任务尚无已审核的进展报告，本节暂无法评估推进情况。`)).toBeVisible();
      await expect(page.getByText(`与全省最高值的对标数据为2020年数据，${year}年的全省对标值暂未录入`)).toBeVisible();
      await expect(page.getByText('“高新技术企业数量”2020年为228家，全省最高值为258家，相当于全省最高值的88.37%，相差30家。')).toBeVisible();
      await expect(page.getByRole('img', { name: /指标状态分布/ })).toBeVisible();
      await expect(page.getByRole('img', { name: /类指标实际值与规划路径/ })).toHaveCount(5);
      await expect(page.getByText('以下为根据监测数据测算的参考值').first()).toBeVisible();
      await expect(page.getByRole('button', { name: '保存前言' })).toHaveCount(0); // leaders read only

      // The counts in the text are the data API's.
      const api = await (await page.request.get(`/api/plans/${PLAN}/report?year=${year}`)).json();
      const rollup = api.report.rollup as { total: number; byStatus: Record<string, number> };
      await expect(page.getByText(`截至${year}年，${rollup.total}项指标中`).first()).toBeVisible();
      if (year === 2025) await expect(page.getByText(`${rollup.total}项指标中${rollup.byStatus.achieved}项已完成目标`)).toBeVisible();

      await page.screenshot({ path: `${screenshots}/evaluation-${year}-desktop.png`, fullPage: true });
      const docx = await downloadDocx(page);
      expect(docx.name).toBe(`${title.replace(/[“”]/g, '')}.docx`);
      expect(docx.text).toContain(title);
      expect(docx.text).toContain(`截至${year}年，${rollup.total}项指标中`);
      expect(docx.media).toHaveLength(6); // the status bar and one chart per category
      expect(docx.text).toContain('2018年第1位、2019年第1位、2020年第1位');
    });
  }

  test('2023 also offers the annual evaluation; a kind the year does not allow is refused', async ({ page }) => {
    await page.goto(`/reports/${PLAN}/2023/evaluation`);
    await page.getByRole('link', { name: '年度评估' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('鹿泉区科技创新“十四五”规划实施情况2023年度评估报告（初稿）');
    const refused = await page.request.get(`/reports/${PLAN}/2023/evaluation/docx?kind=final`);
    expect(refused.status()).toBe(400);
  });

  test('prints on A4 portrait pages with 表1 on a landscape page, without the site header', async ({ page }) => {
    await page.goto(`/reports/${PLAN}/2025/evaluation`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const pdf = await page.pdf({ path: `${screenshots}/evaluation-2025-print.pdf`, preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
    expect(sizes.length).toBeGreaterThan(4);
    expect(sizes).toContain('landscape');
    expect(sizes[0]).toBe('portrait');
  });

  test('on a phone the report reads in one column', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/reports/${PLAN}/2025/evaluation`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '四、对标分析' })).toBeVisible();
    await page.screenshot({ path: `${screenshots}/evaluation-2025-phone.png`, fullPage: true });
  });
});

test.describe('as an admin', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'admin');
  });

  test('the preface is saved with the plan and opens the report', async ({ page }) => {
    await page.goto(`/reports/${PLAN}/2025/evaluation`);
    const text = '根据规划第七章，区科技局组织开展“十四五”规划实施情况总结评估。';
    await page.getByLabel(/前言/).fill(text);
    await page.getByRole('button', { name: '保存前言' }).click();
    await expect(page.getByRole('status')).toHaveText('已保存。');
    await page.reload();
    await expect(page.locator('[data-evaluation-paper]').getByText(text)).toBeVisible();
    await expect(page.getByLabel(/前言/)).toHaveValue(text);
  });

  test('the proposal page creates the 十五五 plan with the 2025 approved figures as baselines', async ({ page }) => {
    await page.goto(`/admin/plans/${PLAN}`);
    await page.getByRole('link', { name: '测算下一规划目标' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('下一规划目标测算（2026—2030年）');
    await expect(page.getByRole('note').filter({ hasText: '不是已确定的目标' })).toBeVisible();
    // Nothing proposed is filled in as a target.
    await expect(page.getByLabel('“高新技术企业数量”的新规划目标值')).toHaveValue('');
    await expect(page.getByTestId('next-row-6')).toContainText('398');
    await expect(page.getByTestId('next-row-13')).toContainText('8.44');
    await page.getByRole('button', { name: '采用延续趋势参考值作为“高新技术企业数量”的目标' }).click();
    await expect(page.getByLabel('“高新技术企业数量”的新规划目标值')).not.toHaveValue('');
    await page.getByLabel('“市级以上众创空间数量”的新规划目标值').fill('10');
    await expect(page.getByTestId('next-row-15')).toContainText('低于新基数');
    await page.getByLabel('“全社会研发投入增长率”的新规划年均增长率').fill('12');
    await page.screenshot({ path: `${screenshots}/next-plan-desktop.png`, fullPage: true });
    await page.getByLabel('标识（网址用）').fill('luquan-2026-2030-e2e');
    await page.getByRole('button', { name: '创建新规划' }).click();
    await expect(page).toHaveURL(/\/admin\/plans\/luquan-2026-2030-e2e$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('鹿泉区科技创新“十五五”规划');
    const indicator = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(page.getByRole('link', { name: '高新技术企业数量', exact: true })).toHaveCount(1);
    await expect(indicator('高新技术企业数量')).toContainText('基数 398');
    await expect(indicator('技术合同成交总额')).toContainText('基数 8.44'); // 2025 still awaits review
    await expect(indicator('市级以上众创空间数量')).toContainText('基数 13');
    await expect(indicator('市级以上众创空间数量')).toContainText('目标 10');
    // The definition checks run on the new plan: the targets left empty are reported.
    await expect(page.getByText('目标值缺失（缺少此项无法评价进度）').first()).toBeVisible();
    await page.screenshot({ path: `${screenshots}/next-plan-created.png`, fullPage: true });
  });
});
