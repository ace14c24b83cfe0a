import { expect, test } from './fixtures';

test.describe('publishing basics', () => {
  test('every page has a title, a description and a social card with a served image', async ({ page, request }) => {
    for (const route of ['/', '/read', '/present']) {
      await page.goto(route);
      await expect(page).toHaveTitle(/Come Home/);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Come Home/);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
      const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
      const response = await request.get(image.pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon\.svg/);
    }
  });

  test('sitemap.xml lists the three ways in, and robots.txt points to it', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap.xml')).text();
    for (const route of ['', '/read', '/present']) expect(sitemap).toMatch(new RegExp(`<loc>[^<]*${route}</loc>`));
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
    expect(robots).toMatch(/Allow: \//);
  });

  test('an unknown page is a 404 with a way back to the story', async ({ page, consoleErrors }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    // The browser reports the 404 of the page itself; that one is the point of the test.
    const expected = consoleErrors.findIndex((e) => /status of 404/.test(e));
    if (expected >= 0) consoleErrors.splice(expected, 1);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /as text/ })).toHaveAttribute('href', '/read');
  });
});
