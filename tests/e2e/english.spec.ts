// English mode end to end: an admin gives indicator 6 and its category English names; in English the
// overview card, the indicator page, the category page and the annual report (page, print page, downloads)
// show them, with English headers, statuses, footnotes and summary — the numbers those of lib/progress.
import { expect, test, type Page } from '@playwright/test';
import { LUQUAN_2021_2025 } from '../../lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE, SAMPLE_SOURCE } from '../../lib/plans/luquan-2021-2025-sample';
import { assessIndicator, statusLabelEn, summarizePlan, summarySentenceEn, toIndicatorPlan } from '../../lib/progress';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);
// the report test reads the English names the first test enters
test.describe.configure({ mode: 'serial' });

const screenshots = 'artifacts/screenshots';
const slug = LUQUAN_2021_2025.slug;
const six = LUQUAN_2021_2025.indicators.find((i) => i.sequence === 6)!;
const ENGLISH = { name: 'High-tech enterprises', unit: 'firms', category: 'Innovation capacity' };
// Chinese characters and CJK punctuation
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function assessments(asOfYear: number) {
  return LUQUAN_2021_2025.indicators.map((seed) => ({
    seed,
    assessment: assessIndicator(
      toIndicatorPlan(seed, LUQUAN_2021_2025.baseYear, LUQUAN_2021_2025.lastYear),
      LUQUAN_2021_2025_SAMPLE.filter((f) => f.sequence === seed.sequence && f.status === 'approved').map((f) => ({ year: f.year, value: Number(f.value) })),
      asOfYear,
    ),
  }));
}

const rollup = (asOfYear: number) =>
  summarizePlan(assessments(asOfYear).map((a) => ({ category: a.seed.category, assessment: a.assessment })), asOfYear, { targetYear: LUQUAN_2021_2025.lastYear });

async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** The visible text of the page's main part with the Chinese names that have no English version taken out. */
async function chineseLeft(page: Page, allowed: string[]): Promise<string[]> {
  const text = await page.locator('main').innerText();
  let rest = text;
  for (const name of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(name).join('');
  return rest.split('\n').filter((line) => CJK.test(line));
}

// what stays Chinese in English mode: user-entered names without an English version
const plan = LUQUAN_2021_2025;
const userEntered = [
  plan.name, plan.region, plan.shortName,
  ...plan.indicators.filter((i) => i.sequence !== 6).flatMap((i) => [`${i.name}（${i.unit}）`, i.name, i.unit]),
  ...plan.categories.filter((c) => c !== six.category),
  // the figures' source as entered (示例数据 on the sample figures)
  SAMPLE_SOURCE,
];

test('an admin enters English names; in English the cards, the indicator page and the report use them', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto(`/admin/plans/${slug}`);
  await page.getByRole('link', { name: six.name, exact: true }).click();
  await page.getByLabel('英文名称', { exact: true }).fill(ENGLISH.name);
  // a Chinese unit needs an English one with an English name: refused next to the field, what was typed kept
  await page.getByRole('button', { name: '保存指标' }).click();
  await expect(page.getByText('单位含中文，填写英文名称时请同时填写英文单位')).toBeVisible();
  await expect(page.getByLabel('英文名称', { exact: true })).toHaveValue(ENGLISH.name);
  await page.getByLabel('英文单位').fill(ENGLISH.unit);
  await page.getByLabel('类别英文名称').fill(ENGLISH.category);
  await page.getByRole('button', { name: '保存指标' }).click();
  await expect(page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: /已保存|保存/ }).first()).toBeVisible();

  await page.goto(`/plans/${slug}?year=2023`);
  await settled(page);
  await page.getByRole('button', { name: '切换语言' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // overview: the card of indicator 6 in English, the others in Chinese as a whole
  const card = page.locator('[data-testid="indicator-card"][data-sequence="6"]');
  await expect(card.getByRole('heading')).toHaveText(`6. ${ENGLISH.name}`);
  await expect(card).toContainText(ENGLISH.unit);
  await expect(page.getByRole('heading', { level: 2, name: ENGLISH.category })).toBeVisible();
  await expect(page.locator('[data-testid="indicator-card"][data-sequence="7"]').getByRole('heading')).toHaveText(`7. ${plan.indicators[6]!.name}`);
  expect(await chineseLeft(page, userEntered)).toEqual([]);
  await page.screenshot({ path: `${screenshots}/english-overview-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${screenshots}/english-overview-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // the indicator page
  await card.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^6\\. ${ENGLISH.name} ?\\(${ENGLISH.unit}\\)$`));
  await expect(page.getByTestId('trajectory-chart').locator('.recharts-legend-item')).toHaveText(['13th FYP (plan text)', 'Actual', 'Planned path', 'Target (2025)']);
  await expect(page.getByText(`Unit: ${ENGLISH.unit}.`, { exact: false })).toBeVisible();
  expect(await chineseLeft(page, userEntered)).toEqual([]);
  await page.screenshot({ path: `${screenshots}/english-indicator-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${screenshots}/english-indicator-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // a growth-rate indicator's charts: legends are the series names alone
  await page.goto(`/plans/${slug}/indicators/${await idOf(page, 1)}?year=2023`);
  await expect(page.getByTestId('growth-chart').locator('.recharts-legend-item')).toHaveText(['Growth that year (%)', /^Target average growth [\d.]+%$/]);

  // the category page
  await page.goto(`/plans/${slug}/categories/${plan.categories.indexOf(six.category) + 1}?year=2023`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ENGLISH.category);
  await expect(page.getByRole('table').getByRole('link', { name: `6. ${ENGLISH.name} (${ENGLISH.unit})` })).toBeVisible();
  expect(await chineseLeft(page, userEntered)).toEqual([]);
});

async function idOf(page: Page, sequence: number): Promise<string> {
  const response = await page.request.get(`/api/plans/${slug}/report?year=2023`);
  const body = (await response.json()) as { report: { rows: { sequence: number; indicatorId: number }[] } };
  return String(body.report.rows.find((r) => r.sequence === sequence)!.indicatorId);
}

test('the report in English: headers, statuses, summary and footnotes; the downloads follow; Chinese stays the default', async ({ page }) => {
  await signInAs(page, 'admin');
  // English names as the first test left them (same database, this file's reset ran before both)
  await page.goto(`/reports/${slug}/2023`);
  await page.getByRole('button', { name: '切换语言' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const table = page.locator('table').first();
  await expect(table.locator('thead th')).toHaveText([
    'Category', 'No.', 'Indicator (unit)', '2020 baseline', '2025 target', 'Annual growth [cumulative]', 'Attribute', 'Actual 2023', 'Completion', 'Expected progress', 'Status',
  ]);
  for (const { seed, assessment } of assessments(2023)) {
    const row = table.locator('tbody tr').nth(seed.sequence - 1);
    await expect(row.locator('td').last()).toHaveText(statusLabelEn(assessment.status, assessment));
  }
  await expect(table.getByRole('cell', { name: `${ENGLISH.name} (${ENGLISH.unit})` })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: ENGLISH.category })).toBeVisible();

  const summary = page.locator('#report-summary + p');
  await expect(summary).toContainText(summarySentenceEn(rollup(2023)));
  await expect(summary).toContainText(`“${ENGLISH.name}”`);
  await expect(summary).toContainText('All counts use approved figures.');
  await expect(page.getByText('Note: figures in [] are the cumulative increase over 5 years.')).toBeVisible();
  await expect(page.getByText('Data: approved figures only.')).toBeVisible();
  expect(await chineseLeft(page, userEntered)).toEqual([]);
  await page.screenshot({ path: `${screenshots}/english-report-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${screenshots}/english-report-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // the final year: 待终期评价 in English, the 是否完成 column as Target met
  await page.goto(`/reports/${slug}/2025`);
  await expect(page.locator('table').first().locator('thead th').last()).toHaveText('Target met');
  await expect(page.locator('table').first().getByText('Awaiting final evaluation').first()).toBeVisible();

  // the print page follows the UI language
  await page.goto(`/reports/${slug}/2023/print`);
  await expect(page.locator('[data-print-report]')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-print-report] thead th').last()).toHaveText('Status');
  await expect(page.getByTestId('sign-off')).toContainText('Reporting unit (seal):');
  await page.screenshot({ path: `${screenshots}/english-report-print.png`, fullPage: true });

  // the download links ask for English; the CSV then has English headers and the English name
  await page.goto(`/reports/${slug}/2023`);
  const csvHref = await page.getByRole('link', { name: 'CSV (.csv)' }).getAttribute('href');
  expect(csvHref).toContain('lang=en');
  const csv = await (await page.request.get(csvHref!)).text();
  expect(csv).toContain('Expected progress');
  expect(csv).toContain(`${ENGLISH.name} (${ENGLISH.unit})`);
  // without the parameter the file is the official Chinese report, English names or not
  const official = await (await page.request.get(csvHref!.replace(/[?&]lang=en/, ''))).text();
  expect(official).toContain('序时进度');
  expect(official).toContain(`${six.name}（${six.unit}）`);
  expect(official).not.toContain(ENGLISH.name);

  // back to Chinese: the report is Chinese again
  await page.getByRole('button', { name: 'Switch language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('table').first().locator('thead th').last()).toHaveText('状态');
});
