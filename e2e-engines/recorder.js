/**
 * Served by the engines' test server (never by the site) as the first script of every page.
 * WebKitWebDriver gives no access to the console, so the page keeps its own record of what
 * would have been a console error: uncaught errors, failed loads, unhandled rejections,
 * console.error calls and Content-Security-Policy violations. The tests read window.__errors.
 * It also turns on the story's debug surface (window.__story, lib/debug.ts), where the checks
 * read the light's state, as Playwright's tests do.
 */
(() => {
  window.__storyDebug = true;
  const errors = [];
  window.__errors = errors;
  const text = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  // Capture phase: a failed <script>, <link> or <img> fires `error` on the element, not on window.
  window.addEventListener(
    'error',
    (event) => {
      if (event.target && event.target !== window) {
        const el = event.target;
        errors.push(`failed to load ${el.tagName}: ${el.src || el.href || ''}`);
      } else {
        errors.push(`uncaught: ${event.message}${event.filename ? ` (${event.filename}:${event.lineno})` : ''}`);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${text(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) =>
    errors.push(`CSP: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
  );
  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(`console.error: ${args.map(text).join(' ')}`);
    original(...args);
  };
})();
