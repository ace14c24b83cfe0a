/**
 * The security headers the site is served with. One definition, used by the post-build
 * step that writes each page's policy (scripts/csp.mjs), the local server, the CSP test
 * and the documented host configurations (docs/security.md).
 *
 * The Content-Security-Policy is per page: a static export's HTML carries inline
 * <script> elements (Next's RSC payload, `self.__next_f.push(...)`), and the policy
 * allows exactly those by their sha256 hashes instead of allowing 'unsafe-inline'.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Directives a <meta> policy may not carry: browsers ignore them there, with a console error. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * The directives of every page before its own hashes are added. Everything the site loads
 * comes from its own origin; see docs/security.md for why each directive is there.
 */
export function baseDirectives() {
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
}

/**
 * A page's Content-Security-Policy.
 * @param {{ scriptHashes?: string[], styleHashes?: string[], styleAttributeHashes?: string[] }} [hashes]
 *   CSP hash sources ('sha256-…', quotes included) of the page's inline <script> and <style>
 *   elements and of its style="" attribute values.
 * @param {{ meta?: boolean }} [options] meta: leave out the directives a <meta> element cannot carry.
 */
export function contentSecurityPolicy(hashes = {}, { meta = false } = {}) {
  const { scriptHashes = [], styleHashes = [], styleAttributeHashes = [] } = hashes;
  const extra = {
    'script-src': scriptHashes,
    // 'unsafe-hashes' lets the listed hashes match style="" attributes too (never arbitrary ones).
    'style-src': [...styleHashes, "'unsafe-hashes'", ...styleAttributeHashes],
  };
  return baseDirectives()
    .filter(([name]) => !(meta && HEADER_ONLY.has(name)))
    .map(([name, sources]) => [name, [...new Set([...sources, ...(extra[name] ?? [])])]])
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy for responses that are not pages (scripts, styles, fonts, images): nothing inline at all. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * A policy that does not change from build to build, for hosts configured by hand (nginx, Apache,
 * Vercel, CloudFront): only directives that need no hash. Every page's <meta> policy carries the
 * rest, and a browser enforces both policies, so together they are the page's full policy.
 * It must not contain default-src, script-src or style-src: those would block the hashed inline code.
 */
export const HOST_POLICY = [
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Headers that every response gets, whatever the page. */
export function commonHeaders() {
  return {
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // For browsers without CSP frame-ancestors, and for paths that have no page of their own (404).
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * All security headers for one response.
 * @param {string} [policy] the page's Content-Security-Policy; the no-inline policy when omitted.
 */
export function securityHeaders(policy = CONTENT_SECURITY_POLICY) {
  return { 'Content-Security-Policy': policy, ...commonHeaders() };
}

/** Where scripts/csp.mjs writes the map of HTML file (relative to out/) → header policy. */
export const POLICY_FILE = 'csp.json';

let cache;

/**
 * The policy scripts/csp.mjs computed for an HTML file of the export, read from out/csp.json
 * (re-read when a rebuild rewrites it). Undefined when the file has no entry.
 * @param {string} root the export's folder (out/)
 * @param {string} file absolute path of the HTML file being served
 */
export function policyForFile(root, file) {
  const policies = path.join(root, POLICY_FILE);
  if (!existsSync(policies)) {
    throw new Error(`${policies} is missing: run \`npm run build\` (next build && node scripts/csp.mjs)`);
  }
  const { mtimeMs } = statSync(policies);
  if (cache?.file !== policies || cache.mtimeMs !== mtimeMs) {
    cache = { file: policies, mtimeMs, map: JSON.parse(readFileSync(policies, 'utf8')).pages };
  }
  return cache.map[path.relative(root, file).split(path.sep).join('/')]?.header;
}
