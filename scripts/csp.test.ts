import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeAttribute, hashSource, inlineContent, pagePolicies, urlPaths, withMetaPolicy } from './csp.mjs';
import { contentSecurityPolicy, HOST_POLICY } from './headers.mjs';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('hashSource', () => {
  it('is the quoted base64 sha256 of the UTF-8 text, as CSP expects', () => {
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(hashSource('self.__next_f.push(["é"])')).toBe(sha('self.__next_f.push(["é"])'));
  });
});

describe('inlineContent', () => {
  it('finds inline scripts, style elements and style attributes, and skips external scripts and comments', () => {
    const html = [
      '<!DOCTYPE html><html><head><meta charSet="utf-8"/>',
      '<script src="/a.js" async=""></script><script id="_R_">push(1)</script>',
      '<!-- <script>commented()</script> --><style>.a{color:red}</style></head>',
      '<body><div style="font-family:&quot;Literata&quot;;width:10px" hidden="">x</div>',
      '<script>self.__next_f.push([1,"<\\/script> inside a string"])</script></body></html>',
    ].join('');
    const found = inlineContent(html);
    expect(found.scripts).toEqual(['push(1)', 'self.__next_f.push([1,"<\\/script> inside a string"])']);
    expect(found.styles).toEqual(['.a{color:red}']);
    expect(found.styleAttributes).toEqual(['font-family:"Literata";width:10px']);
    expect(found.handlers).toEqual([]);
  });

  it('hashes the text the browser sees: line endings normalised to LF', () => {
    expect(inlineContent('<script>a()\r\nb()\rc()</script>').scripts).toEqual(['a()\nb()\nc()']);
  });

  it('reports inline event handlers, which the policy cannot allow by hash', () => {
    expect(inlineContent('<button onclick="go()">go</button>').handlers).toEqual(['onclick="go()"']);
    expect(() => pagePolicies('<html><head></head><body><a onmouseover="x()">a</a></body></html>')).toThrow(
      /inline event handlers/,
    );
  });
});

describe('decodeAttribute', () => {
  it('decodes the references React writes, and refuses unknown ones', () => {
    expect(decodeAttribute('a&amp;b&lt;&gt;&quot;&#x27;&#39;')).toBe(`a&b<>"''`);
    expect(() => decodeAttribute('&bogus;')).toThrow(/unknown character reference/);
  });
});

describe('pagePolicies and withMetaPolicy', () => {
  const page =
    '<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>t</title></head><body>' +
    '<p style="color:red">x</p><script>run()</script></body></html>';

  it('allows exactly the page’s inline code, never unsafe-inline', () => {
    const { header, meta } = pagePolicies(page);
    expect(header).toContain(`script-src 'self' ${sha('run()')}`);
    expect(header).toContain(`style-src 'self' 'unsafe-hashes' ${sha('color:red')}`);
    // Nothing sets an empty style attribute any more (ScrollTrigger did): not even that is allowed.
    expect(header).not.toContain(sha(''));
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-inline');
    // A meta policy cannot carry frame-ancestors: browsers ignore it there with a console error.
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toBe(header.replace("; frame-ancestors 'none'", ''));
  });

  it('puts the meta policy first in <head>, after the charset, once however often it runs', () => {
    const policy = contentSecurityPolicy({}, { meta: true });
    const once = withMetaPolicy(page, policy);
    expect(once).toContain(
      `<head><meta charSet="utf-8"/><meta http-equiv="Content-Security-Policy" content="${policy}"/><title>`,
    );
    expect(withMetaPolicy(once, policy)).toBe(once);
    // The meta element is not inline code: the policies computed after it are the same.
    expect(pagePolicies(once)).toEqual(pagePolicies(page));
  });
});

describe('urlPaths', () => {
  it('lists the clean URL and the file for each page', () => {
    expect(urlPaths('index.html')).toEqual(['/', '/index.html']);
    expect(urlPaths('read.html')).toEqual(['/read', '/read.html']);
    expect(urlPaths('present/index.html')).toEqual(['/present', '/present/', '/present/index.html']);
  });
});

describe('HOST_POLICY', () => {
  it('only adds what a meta policy cannot say, and blocks none of the hashed inline code', () => {
    const names = HOST_POLICY.split(';').map((d) => d.trim().split(/\s+/)[0]);
    expect(names).toContain('frame-ancestors');
    for (const fetchDirective of ['default-src', 'script-src', 'script-src-elem', 'style-src', 'style-src-attr']) {
      expect(names).not.toContain(fetchDirective);
    }
  });
});
