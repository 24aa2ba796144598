// axe-core in Chromium on the pages people work in, each as the role that uses it: no serious or
// critical WCAG 2 A/AA violation. Screenshots (desktop and phone) go to artifacts/screenshots/a11y-*.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../../lib/auth/permissions';
import { LUQUAN_2021_2025 } from '../../lib/plans/luquan-2021-2025';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const plan = LUQUAN_2021_2025.slug;

async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('main h1').first()).toBeVisible();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

const PAGES: { name: string; role: Role; path: (page: Page) => Promise<string> | string }[] = [
  { name: 'overview', role: 'leader', path: () => `/plans/${plan}?year=2023` },
  {
    name: 'indicator',
    role: 'leader',
    path: async (page) => {
      await page.goto(`/plans/${plan}?year=2023`);
      const href = await page.getByTestId('indicator-card').first().getByRole('link').first().getAttribute('href');
      return href!;
    },
  },
  { name: 'entry', role: 'staff', path: () => `/plans/${plan}/entry/2023` },
  { name: 'review', role: 'reviewer', path: () => '/review' },
  { name: 'todo', role: 'admin', path: () => '/todo' },
  { name: 'report-print', role: 'leader', path: () => `/reports/${plan}/2023/print` },
];

for (const { name, role, path } of PAGES) {
  test(`${name} (${role}) has no serious or critical axe violations`, async ({ page }) => {
    await signInAs(page, role);
    await page.goto(await path(page));
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `artifacts/screenshots/a11y-${name}-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `artifacts/screenshots/a11y-${name}-phone.png`, fullPage: true });
  });
}
