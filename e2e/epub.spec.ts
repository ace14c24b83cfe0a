import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { epubFileName } from '../lib/epub/name';
import { bookBlocks, openBook } from '../lib/epub/testing';
import { expect, story, test } from './fixtures';
import { expectManuscriptInBlocks } from './manuscript';
import { tool } from './tools';

const name = epubFileName(story.title);
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

  test('holds every paragraph of the manuscript, in order, word for word', () => {
    expectManuscriptInBlocks(bookBlocks(openBook(readFileSync(file))));
  });

  test('is offered on /read as a plain download, served as an EPUB', async ({ page, request }) => {
    await page.goto('/read');
    const link = page
      .getByRole('navigation', { name: 'Other ways in' })
      .getByRole('link', { name: 'Download the ebook (epub)' });
    await expect(link).toHaveAttribute('href', `/${name}`);
    await expect(link).toHaveAttribute('download', '');
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
