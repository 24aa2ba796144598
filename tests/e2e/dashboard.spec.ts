// The leaders' pages on the sample data set (示例数据, loaded by the e2e server), in a real Chromium.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LUQUAN_2021_2025 } from '../../lib/plans/luquan-2021-2025';
import { LUQUAN_2021_2025_SAMPLE } from '../../lib/plans/luquan-2021-2025-sample';
import { signInAs } from './helpers/auth';
import {
  assessIndicator,
  statusLabelEn,
  statusLabelZh,
  summarizePlan,
  summarySentenceEn,
  summarySentenceZh,
  toIndicatorPlan,
  type Status,
} from '../../lib/progress';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const screenshots = 'artifacts/screenshots';
const overview = `/plans/${LUQUAN_2021_2025.slug}`;

/** What lib/progress says for each row as of a year, from the published table and the approved sample figures. */
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

function rollup(asOfYear: number) {
  return summarizePlan(assessments(asOfYear).map((a) => ({ category: a.seed.category, assessment: a.assessment })), asOfYear, { targetYear: LUQUAN_2021_2025.lastYear });
}

/** Waits until the streamed page replaced its loading skeleton. */
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

// Every page needs an account; a leader sees everything and changes nothing.
test.beforeEach(async ({ page }) => {
  await signInAs(page, 'leader');
});

test('the overview shows sixteen cards with the status lib/progress computes (as of 2023)', async ({ page }) => {
  // The sample set's header documents the 2023 mix; the engine must agree with it before the page is checked.
  const documented: Record<number, Status> = {
    8: 'achieved', 15: 'achieved', 3: 'ahead', 6: 'ahead', 11: 'ahead', 1: 'onTrack', 4: 'onTrack', 7: 'onTrack', 10: 'onTrack',
    2: 'lagging', 9: 'lagging', 13: 'lagging', 5: 'seriouslyLagging', 12: 'seriouslyLagging', 14: 'seriouslyLagging', 16: 'noData',
  };
  const expected = assessments(2023);
  expect(Object.fromEntries(expected.map((e) => [e.seed.sequence, e.assessment.status]))).toEqual(documented);

  await page.goto(`${overview}?year=2023`);
  await settled(page);
  await expect(page.getByRole('note').filter({ hasText: '示例数据' })).toBeVisible();
  const cards = page.getByTestId('indicator-card');
  await expect(cards).toHaveCount(16);
  for (const { seed, assessment } of expected) {
    const card = page.locator(`[data-testid="indicator-card"][data-sequence="${seed.sequence}"]`);
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(`${seed.sequence}. ${seed.name}`);
    await expect(card.getByTestId('status-text')).toHaveText(statusLabelZh(assessment.status, assessment));
  }
  await expect(page.getByTestId('summary-sentence')).toHaveText(summarySentenceZh(rollup(2023)));
  await expect(page.getByRole('table', { name: '各指标完成率与序时进度' }).locator('tbody tr')).toHaveCount(16);

  // Lagging indicators are one click away.
  await page.getByRole('link', { name: /^滞后指标/ }).click();
  await expect(page).toHaveURL(/status=behind/);
  const behind = expected.filter((e) => ['lagging', 'seriouslyLagging', 'notAchieved'].includes(e.assessment.status)).map((e) => String(e.seed.sequence));
  await expect(cards).toHaveCount(behind.length);
  expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-sequence')))).toEqual(behind);
});

test('switching the year changes the summary', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  // Default: the latest year with approved figures (2025 in the sample set).
  await expect(page.getByRole('link', { name: '截至2025年' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('summary-sentence')).toHaveText(summarySentenceZh(rollup(2025)));
  await page.getByRole('link', { name: '截至2022年' }).click();
  await expect(page).toHaveURL(/year=2022/);
  await expect(page.getByTestId('summary-sentence')).toHaveText(summarySentenceZh(rollup(2022)));
  expect(summarySentenceZh(rollup(2022))).not.toBe(summarySentenceZh(rollup(2025)));
  await expect(page.getByRole('link', { name: '截至2022年' })).toHaveAttribute('aria-current', 'page');
});

test('the indicator page draws actuals, the planned path and the target, with figures and metrics', async ({ page }) => {
  await page.goto(`${overview}?year=2023`);
  await settled(page);
  const row9 = LUQUAN_2021_2025.indicators.find((i) => i.sequence === 9)!;
  await page.getByRole('link', { name: `9. ${row9.name}` }).click();
  await expect(page).toHaveURL(/\/indicators\/\d+\?year=2023$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(row9.name);

  const chart = page.getByTestId('trajectory-chart');
  await expect(chart.locator('svg.recharts-surface[role=application]')).toBeVisible();
  await expect(chart.locator('.recharts-line')).toHaveCount(3);
  await expect(chart.locator('.recharts-legend-item')).toHaveText(['实际值', '规划路径', '目标（2025年）']);
  // markers: actual 2020–2023 (baseline + three years), planned 2020–2025; the target line has none
  const dots = chart.locator('.recharts-line-dots');
  await expect(dots).toHaveCount(2);
  expect(await dots.evaluateAll((layers) => layers.map((layer) => layer.querySelectorAll('circle').length))).toEqual([4, 6]);

  const assessment = assessments(2023).find((a) => a.seed.sequence === 9)!.assessment;
  await expect(page.getByTestId('status-text')).toHaveText(statusLabelZh(assessment.status, assessment));
  const figures = page.getByRole('table').filter({ hasText: '审核状态' });
  await expect(figures.locator('tbody tr')).toHaveCount(5);
  await expect(figures.locator('tbody tr').first()).toContainText('18.50');
  await expect(page.getByTestId('consistency-note')).toContainText('7.164');
  for (const term of ['完成率', '序时进度', '年均增长', '仍需年均', '预计2025年', '距目标']) {
    await expect(page.locator('dt', { hasText: term }).first()).toBeVisible();
  }
  await page.screenshot({ path: `${screenshots}/indicator-desktop.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(chart.locator('svg.recharts-surface[role=application]')).toBeVisible();
  const box = await chart.locator('svg.recharts-surface[role=application]').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${screenshots}/indicator-phone.png`, fullPage: true });
});

test('a growth-rate indicator also shows yearly growth against the target rate', async ({ page }) => {
  await page.goto(`${overview}?year=2023`);
  await settled(page);
  await page.getByRole('link', { name: `2. ${LUQUAN_2021_2025.indicators[1]!.name}` }).click();
  await expect(page.getByTestId('trajectory-chart').locator('.recharts-line')).toHaveCount(3);
  const growth = page.getByTestId('growth-chart');
  await expect(growth.locator('svg.recharts-surface[role=application]')).toBeVisible();
  await expect(growth.locator('.recharts-bar-rectangle path')).toHaveCount(3); // 2021–2023
  await expect(growth.locator('.recharts-legend-item')).toHaveText(['当年增速（%）', '目标年均增速 15%']);
  await page.screenshot({ path: `${screenshots}/indicator-growth-desktop.png`, fullPage: true });
});

test('the category view shows one category with its indicators', async ({ page }) => {
  await page.goto(`${overview}?year=2023`);
  await settled(page);
  await page.getByRole('link', { name: '创新能力', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('创新能力');
  const members = LUQUAN_2021_2025.indicators.filter((i) => i.category === '创新能力');
  await expect(page.getByTestId('indicator-card')).toHaveCount(members.length);
  await expect(page.locator('table tbody tr')).toHaveCount(members.length);
  await page.screenshot({ path: `${screenshots}/category-desktop.png`, fullPage: true });
});

test('the English switch translates the pages, and back', async ({ page }) => {
  await page.goto(`${overview}?year=2023`);
  await settled(page);
  await page.getByRole('button', { name: '切换语言' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('summary-sentence')).toHaveText(summarySentenceEn(rollup(2023)));
  for (const { seed, assessment } of assessments(2023)) {
    await expect(page.locator(`[data-testid="indicator-card"][data-sequence="${seed.sequence}"]`).getByTestId('status-text')).toHaveText(statusLabelEn(assessment.status, assessment));
  }
  await expect(page.getByRole('link', { name: 'As of 2021' })).toBeVisible();
  await page.getByRole('link', { name: `9. ${LUQUAN_2021_2025.indicators[8]!.name}` }).click();
  await expect(page.getByTestId('trajectory-chart').locator('.recharts-legend-item')).toHaveText(['Actual', 'Planned path', 'Target (2025)']);
  await expect(page.getByRole('heading', { name: 'Yearly figures' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '历年数据' })).toBeVisible();
});

test('screenshots of the overview at desktop and phone width; no serious accessibility problems', async ({ page }) => {
  await page.goto(`${overview}?year=2023`);
  await settled(page);
  await page.screenshot({ path: `${screenshots}/overview-desktop.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('indicator-card')).toHaveCount(16);
  // cards stack: one column on a phone
  const boxes = await page.getByTestId('indicator-card').evaluateAll((els) => els.slice(0, 3).map((el) => el.getBoundingClientRect().left));
  expect(new Set(boxes).size).toBe(1);
  // nothing makes the page wider than the phone (a hidden table once did)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${screenshots}/overview-phone.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '统计截至' })).toBeHidden();
  await page.pdf({ path: `${screenshots}/overview-print.pdf`, format: 'A4', landscape: true, printBackground: true });
});
