/**
 * The public address the site is served from, for absolute URLs in the sitemap and
 * social cards. Set SITE_URL at build time for a real deployment.
 */
export const SITE_URL = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');

export const routes = ['/', '/read', '/present'] as const;

/** The night the story opens in: the browser's chrome, and the home-screen app's splash and bar. */
export const THEME_COLOR = '#07080d';
