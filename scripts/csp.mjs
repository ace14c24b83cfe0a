#!/usr/bin/env node
/**
 * Post-build step: gives every page of the static export a strict Content-Security-Policy.
 *
 * Next's static HTML runs inline <script> elements (the RSC payload, `self.__next_f.push(...)`),
 * so a policy without 'unsafe-inline' must list each one by its sha256 hash. For every .html
 * file in out/ this script hashes the page's inline scripts, inline <style> elements and
 * style="" attribute values, then writes the page's policy
 *   - into a <meta http-equiv="Content-Security-Policy"> at the start of <head>, which works
 *     on any static host (a meta policy cannot carry frame-ancestors);
 *   - into out/_headers (Netlify / Cloudflare Pages), with the full header set;
 *   - into out/csp.json (HTML file → policies), which scripts/serve.mjs --csp sends as headers.
 * Running it twice gives the same output. See docs/security.md.
 *
 *   node scripts/csp.mjs [--dir out]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { commonHeaders, contentSecurityPolicy, POLICY_FILE } from './headers.mjs';

/** The CSP hash source of a text, as the browser computes it (over the UTF-8 bytes). */
export function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references React writes into attribute values. */
export function decodeAttribute(value) {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (ref, body) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    // A hash over a wrongly decoded value would silently block the style: stop the build instead.
    if (named === undefined) throw new Error(`unknown character reference ${ref} in an attribute`);
    return named;
  });
}

// A start tag and its attributes. Attributes must be separated by whitespace, which keeps the
// pattern linear (React always writes them so).
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttributes(text) {
  const attributes = new Map();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    // As in the browser, the first of two same-named attributes wins.
    if (!attributes.has(name)) attributes.set(name, decodeAttribute(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

/**
 * What a page runs or styles inline: the text of each inline <script> and <style> element,
 * each style="" attribute value, and any inline event handler (on…="") found.
 * A small tokenizer, enough for the HTML React writes: comments are skipped and the content
 * of <script> and <style> is raw text up to its end tag, as in the HTML parser.
 */
export function inlineContent(source) {
  // The HTML parser turns CRLF and CR into LF before anything else, so hashes are over that.
  const html = source.replace(/\r\n?/g, '\n');
  const found = { scripts: [], styles: [], styleAttributes: [], handlers: [] };
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if ('!?/'.includes(html[i + 1] ?? '')) {
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    START_TAG.lastIndex = i;
    const tag = START_TAG.exec(html);
    if (!tag) {
      if (/^<(script|style)\b/i.test(html.slice(i, i + 8))) {
        throw new Error(`cannot parse the tag at ${JSON.stringify(html.slice(i, i + 80))}`);
      }
      i++;
      continue;
    }
    i = START_TAG.lastIndex;
    const name = tag[1].toLowerCase();
    const attributes = parseAttributes(tag[2]);
    if (attributes.has('style')) found.styleAttributes.push(attributes.get('style'));
    for (const [attribute, value] of attributes)
      if (/^on/.test(attribute)) found.handlers.push(`${attribute}="${value}"`);
    if (name === 'script' || name === 'style') {
      const endTag = new RegExp(`</${name}[\\s/>]`, 'ig');
      endTag.lastIndex = i;
      const end = endTag.exec(html)?.index ?? html.length;
      const content = html.slice(i, end);
      if (name === 'style') found.styles.push(content);
      else if (!attributes.has('src')) found.scripts.push(content);
      i = end;
    }
  }
  return found;
}

const META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi;

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page with its <meta> policy as the first element of <head> (after <meta charset>, which
 * must stay within the first 1024 bytes). Any meta policy of an earlier run is replaced.
 */
export function withMetaPolicy(html, policy) {
  const clean = html.replace(META, '');
  const head = /<head(?:\s[^>]*)?>(?:\s*<meta\s+charset=["']?[\w-]+["']?\s*\/?>)?/i.exec(clean);
  if (!head) throw new Error('no <head> to put the policy in');
  const at = head.index + head[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}"/>`;
  return clean.slice(0, at) + meta + clean.slice(at);
}

/** The URL paths a static host serves an HTML file of the export at (clean URLs and the file itself). */
export function urlPaths(file) {
  const withoutExt = `/${file.replace(/\.html$/, '')}`;
  if (file === 'index.html') return ['/', '/index.html'];
  if (withoutExt.endsWith('/index')) {
    const dir = withoutExt.slice(0, -'/index'.length);
    return [dir, `${dir}/`, `/${file}`];
  }
  return [withoutExt, `/${file}`];
}

/** The policies of one page, computed from its HTML (before the meta policy is added). */
export function pagePolicies(html) {
  const found = inlineContent(html.replace(META, ''));
  if (found.handlers.length) {
    // Inline event handlers would need 'unsafe-hashes' in script-src; React never writes them.
    throw new Error(`inline event handlers are not allowed under the policy: ${found.handlers.join(', ')}`);
  }
  const hashes = {
    scriptHashes: [...new Set(found.scripts.map(hashSource))],
    styleHashes: [...new Set(found.styles.map(hashSource))],
    styleAttributeHashes: [...new Set(found.styleAttributes.map(hashSource))],
  };
  return {
    header: contentSecurityPolicy(hashes),
    meta: contentSecurityPolicy(hashes, { meta: true }),
    inline: {
      scripts: found.scripts.length,
      styles: found.styles.length,
      styleAttributes: found.styleAttributes.length,
    },
  };
}

function htmlFiles(root, dir = '') {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return rel === '_next' ? [] : htmlFiles(root, rel);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

/** Cloudflare Pages documents at most 2,000 characters for one header line in _headers. */
const HEADER_LINE_LIMIT = 2000;

/** Writes the policies for every page of the export in `root`; returns the map it wrote to csp.json. */
export function applyCsp(root) {
  const pages = {};
  for (const file of htmlFiles(root).sort()) {
    const full = path.join(root, file);
    const html = readFileSync(full, 'utf8');
    const policies = pagePolicies(html);
    writeFileSync(full, withMetaPolicy(html, policies.meta));
    pages[file] = { paths: urlPaths(file), ...policies };
  }

  const common = Object.entries(commonHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  const lines = [
    '# Written by scripts/csp.mjs after `next build`. Do not edit: rebuild instead.',
    '# Netlify and Cloudflare Pages read this file; see docs/security.md for other hosts.',
    '# Every response:',
    '/*',
    ...common,
    '',
    // Only page rules carry a Content-Security-Policy: hosts join the values of a header that two
    // matching rules set, and a second policy would be enforced as well, not instead.
    '# Each page, with the hashes of its own inline scripts:',
  ];
  for (const { paths, header } of Object.values(pages)) {
    const line = `  Content-Security-Policy: ${header}`;
    if (line.length > HEADER_LINE_LIMIT) {
      console.warn(`csp: a policy of ${line.length} characters is longer than Cloudflare Pages accepts in _headers`);
    }
    for (const p of paths) lines.push(p, line);
  }
  writeFileSync(path.join(root, '_headers'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(root, POLICY_FILE), `${JSON.stringify({ pages }, null, 2)}\n`);
  return pages;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  const root = path.resolve(i >= 0 ? args[i + 1] : 'out');
  try {
    const pages = applyCsp(root);
    for (const [file, { inline }] of Object.entries(pages)) {
      console.log(
        `csp: ${file}: ${inline.scripts} inline scripts, ${inline.styles} style elements, ${inline.styleAttributes} style attributes hashed`,
      );
    }
    console.log(`csp: wrote the policies of ${Object.keys(pages).length} pages to <meta>, _headers and ${POLICY_FILE}`);
  } catch (error) {
    console.error(`csp: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
