// Issue 13 item 13: pages answer 200 for "not found" and "no permission". A loading.tsx above a page
// makes it stream, so a notFound()/forbidden() thrown by the page arrived after the status line. Access
// and existence are now decided before any skeleton streams (app/plans/[slug]/layout.tsx and the
// layouts below it; no loading.tsx at the root), so these answer real 404 / 403 with the Chinese pages.
import { expect, test, type Page } from '@playwright/test';
import { LUQUAN_2021_2025 } from '../../lib/plans/luquan-2021-2025';
import { signInAs } from './helpers/auth';
import { resetDatabase } from './helpers/database';

// this spec starts from the seeded state, whatever the specs before it changed
test.beforeAll(resetDatabase);

const slug = LUQUAN_2021_2025.slug;
const NOT_FOUND = '找不到这个页面。';
const FORBIDDEN = '没有权限';

async function expectStatus(page: Page, path: string, status: number, text: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expect(page.getByRole('heading', { name: text })).toBeVisible();
}

test('pages answer 404 for an unknown indicator, plan, year or category', async ({ page }) => {
  await signInAs(page, 'admin');
  await expectStatus(page, '/indicators/999999', 404, NOT_FOUND);
  await expectStatus(page, '/indicators/2147483648', 404, NOT_FOUND);
  await expectStatus(page, `/plans/${slug}/indicators/999999`, 404, NOT_FOUND);
  await expectStatus(page, '/plans/no-such-plan', 404, NOT_FOUND);
  await expectStatus(page, '/plans/no-such-plan/definitions', 404, NOT_FOUND);
  await expectStatus(page, `/plans/${slug}/categories/99`, 404, NOT_FOUND);
  await expectStatus(page, `/plans/${slug}/entry/2099`, 404, NOT_FOUND);
  await expectStatus(page, `/reports/${slug}/2099`, 404, NOT_FOUND);
  await expectStatus(page, '/reports/no-such-plan/2023', 404, NOT_FOUND);
});

test('pages answer 403 when a leader opens the review queue or an entry page', async ({ page }) => {
  await signInAs(page, 'leader');
  await expectStatus(page, '/review', 403, FORBIDDEN);
  await expectStatus(page, `/plans/${slug}/entry/2023`, 403, FORBIDDEN);
  await expectStatus(page, '/admin/users', 403, FORBIDDEN);
});

test('the existing pages still answer 200, and the old indicator address redirects permanently', async ({ page }) => {
  await signInAs(page, 'leader');
  for (const path of ['/', `/plans/${slug}`, `/plans/${slug}/definitions`, `/plans/${slug}/categories/1`, `/reports/${slug}/2023`]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
  }
  await page.goto(`/plans/${slug}`);
  const href = await page.locator('main a[href*="/indicators/"]').first().getAttribute('href');
  const id = /\/indicators\/(\d+)/.exec(href ?? '')?.[1];
  expect(href).toMatch(new RegExp(`^/plans/${slug}/indicators/\\d+`));
  const old = await page.request.get(`/indicators/${id}?year=2023`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toBe(`/plans/${slug}/indicators/${id}?year=2023`);
  expect((await page.goto(`/indicators/${id}?year=2023`))?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/plans/${slug}/indicators/${id}\\?year=2023$`));
});
