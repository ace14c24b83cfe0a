import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/browser.mjs';
import { epubFileName } from '../lib/epub/name';
import { bookBlocks, openBook } from '../lib/epub/testing';
import { expect, story, test } from './fixtures';
import { expectManuscriptInBlocks } from './manuscript';
import { tool } from './tools';

const name = epubFileName(story.title);

/** What these tests read of DAISY Ace's report.json. */
interface AceReport {
  'earl:result': { 'earl:outcome': string };
  assertions: { 'earl:testSubject': { url: string }; assertions: { 'earl:test': { 'dct:title': string } }[] }[];
  'a11y-metadata': { present: string[] };
}
const file = path.join(__dirname, '..', 'out', name);

test.describe('the EPUB edition', () => {
  test('is built next to the pages, named after the title', () => {
    expect(name).toBe('come-home.epub');
    expect(existsSync(file), `${file} after npm run build`).toBe(true);
    // Already a zip: compressing it again would gain nothing.
    expect(existsSync(`${file}.br`)).toBe(false);
    expect(existsSync(`${file}.gz`)).toBe(false);
  });

  test('passes EPUBCheck with no error and no warning', () => {
    const epubcheck = tool('epubcheck');
    let output: string;
    try {
      output = execFileSync(epubcheck[0], [...epubcheck.slice(1), file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      throw new Error(`EPUBCheck failed:\n${stdout}\n${stderr}`);
    }
    expect(output).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings \/ 0 infos/);
  });

  test('passes DAISY Ace with no finding, and carries its conformance claim', () => {
    test.setTimeout(120_000);
    const out = mkdtempSync(path.join(tmpdir(), 'ace-'));
    try {
      // Ace drives a browser through Puppeteer: the Chromium these tests use, none downloaded (.puppeteerrc.cjs).
      const browser = findChromium({ install: false }) ?? chromium.executablePath();
      const ace = require.resolve('@daisy/ace-cli/bin/ace.js');
      try {
        execFileSync(process.execPath, [ace, '--silent', '--force', '--outdir', out, file], {
          env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser },
          stdio: 'pipe',
        });
      } catch (error) {
        const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
        throw new Error(`DAISY Ace failed:\n${stdout}\n${stderr}`);
      }
      const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as AceReport;
      const findings = report.assertions.flatMap((document) =>
        document.assertions.map((a) => `${document['earl:testSubject'].url}: ${a['earl:test']['dct:title']}`),
      );
      expect(findings).toEqual([]);
      expect(report['earl:result']['earl:outcome']).toBe('pass');
      expect(report['a11y-metadata'].present).toEqual(
        expect.arrayContaining(['dcterms:conformsTo', 'a11y:certifiedBy', 'schema:accessibilitySummary']),
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('is set in the site’s faces, its paragraphs as the printed edition’s', async ({ page }) => {
    const book = openBook(readFileSync(file));
    const dir = book.packagePath.slice(0, book.packagePath.lastIndexOf('/') + 1);
    // The book's own files, served as a reading system reads them: relative to the package.
    await page.route('http://book.test/**', (route) => {
      const bytes = book.files.get(dir + new URL(route.request().url()).pathname.slice(1));
      if (!bytes) return route.fulfill({ status: 404 });
      const type = route.request().url().endsWith('.css')
        ? 'text/css'
        : route.request().url().endsWith('.woff2')
          ? 'font/woff2'
          : 'application/xhtml+xml';
      return route.fulfill({ body: Buffer.from(bytes), contentType: type });
    });
    const chapter = book.spine.find((p) => p.includes('/scene-') && book.text(p).includes('class="light"'))!;
    await page.goto(`http://book.test/${chapter.slice(dir.length)}`);
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.style}`),
    );
    expect(faces).toEqual(expect.arrayContaining(['Literata normal', 'Fraunces normal']));

    const paragraphs = await page.locator('section > p').evaluateAll((ps) =>
      ps.map((p) => {
        const s = getComputedStyle(p);
        const before = p.previousElementSibling;
        return {
          after:
            before?.tagName === 'P' && !before.classList.contains('light') ? 'p' : before?.className || before?.tagName,
          light: p.classList.contains('light'),
          indent: parseFloat(s.textIndent),
          margin: parseFloat(s.marginTop),
          align: s.textAlign,
          hyphens: s.hyphens,
          font: s.fontFamily,
        };
      }),
    );
    const text = paragraphs.filter((p) => !p.light);
    expect(text.length).toBeGreaterThan(2);
    for (const p of text) {
      expect(p.font).toMatch(/^"?Literata"?, serif$/);
      expect(p.align).toBe('justify');
      expect(p.hyphens).toBe('auto');
      // No blank line between paragraphs; the first line indented, but not after a heading, an aside or the voicemail.
      if (p.after === 'p') {
        expect(p.margin).toBe(0);
        expect(p.indent).toBeGreaterThan(0);
      } else expect(p.indent).toBe(0);
    }
    expect(text.some((p) => p.after === 'p')).toBe(true);
    expect(text.some((p) => p.after !== 'p')).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', story.lang);
  });

  test('holds every paragraph of the manuscript, in order, word for word', () => {
    expectManuscriptInBlocks(bookBlocks(openBook(readFileSync(file))));
  });

  test('is offered on /read as a plain download, served as an EPUB', async ({ page, request }) => {
    await page.goto('/read');
    const link = page
      .getByRole('navigation', { name: 'Other ways in' })
      .getByRole('link', { name: 'Download the ebook (epub)' });
    await expect(link).toHaveAttribute('href', `/${name}`);
    // Downloaded for what it is, an EPUB; a `download` attribute would send it past the service worker.
    await expect(link).not.toHaveAttribute('download');
    const download = page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toBe(name);

    const response = await request.get(`/${name}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/epub+zip');
    expect(response.headers()['content-encoding']).toBeUndefined();
    expect(Buffer.compare(await response.body(), readFileSync(file))).toBe(0);
  });
});
