import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stripRoutes, stripRuntime } from './strip-runtime.mjs';

// The shape of what `next build` writes for a page with no client component (abridged).
const page = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="preload" href="/_next/static/media/body.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<script src="/_next/static/chunks/c.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>',
  '<link rel="icon" href="/favicon.svg"/></head><body>',
  '<p>The light in the window.</p><a href="/">The story in light</a>',
  '<script src="/register-sw.js" defer=""></script>',
  '<script type="application/ld+json">{"@type":"CreativeWork"}</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\""])</script>',
  '</body></html>',
].join('');

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('stripRuntime', () => {
  it("removes Next's scripts and script preloads, and nothing else", () => {
    const html = stripRuntime(page);
    expect(html).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
    expect(html).not.toContain('__next_f');
    expect(html).not.toContain('TURBOPACK');
    expect(html).not.toMatch(/as="script"|modulepreload/);
    for (const kept of [
      'as="font"',
      'rel="stylesheet" href="/_next/static/chunks/a.css"',
      '<p>The light in the window.</p><a href="/">The story in light</a>',
      '<script src="/register-sw.js" defer=""></script>',
      '<script type="application/ld+json">{"@type":"CreativeWork"}</script>',
      '<link rel="icon" href="/favicon.svg"/></head>',
    ]) {
      expect(html).toContain(kept);
    }
    expect(stripRuntime(html)).toBe(html);
  });

  it('stops the build when the page would still load part of the runtime', () => {
    const prefetch = page.replace('</head>', '<link rel="prefetch" href="/_next/static/chunks/x.js"/></head>');
    expect(() => stripRuntime(prefetch)).toThrow(/still referenced.*x\.js/);
  });
});

describe('stripRoutes', () => {
  it("strips every copy of the route's document and deletes its RSC payloads, not other pages'", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'strip-test-'));
    mkdirSync(path.join(dir, 'read'));
    mkdirSync(path.join(dir, 'present'));
    for (const file of ['read.html', 'read/index.html', 'index.html', 'present.html']) {
      writeFileSync(path.join(dir, file), page);
    }
    for (const file of ['read.txt', 'read.txt.br', 'read/__next._tree.txt', 'index.txt', 'present/__next._tree.txt']) {
      writeFileSync(path.join(dir, file), '0:{}');
    }

    const result = stripRoutes(dir, ['/read']);
    expect(result.pages.sort()).toEqual(['read.html', 'read/index.html']);
    expect(result.removed.sort()).toEqual(['read.txt', 'read/__next._tree.txt']);
    for (const file of ['read.html', 'read/index.html']) {
      expect(readFileSync(path.join(dir, file), 'utf8')).not.toContain('__next_f');
    }
    for (const file of ['index.html', 'present.html']) expect(readFileSync(path.join(dir, file), 'utf8')).toBe(page);
    for (const gone of ['read.txt', 'read.txt.br', 'read/__next._tree.txt']) {
      expect(existsSync(path.join(dir, gone)), gone).toBe(false);
    }
    for (const kept of ['index.txt', 'present/__next._tree.txt'])
      expect(existsSync(path.join(dir, kept)), kept).toBe(true);
  });

  it('fails for a route the export does not have', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'strip-test-'));
    expect(() => stripRoutes(dir, ['/read'])).toThrow(/no HTML file for \/read/);
  });
});
