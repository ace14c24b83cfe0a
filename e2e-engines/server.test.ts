import { describe, expect, it } from 'vitest';
import { injectRecorder, RECORDER_PATH } from './server.mjs';

describe('the engines’ test server', () => {
  it('puts the error recorder before the page’s first script, after its <meta> policy', () => {
    const html =
      '<html><head><meta http-equiv="Content-Security-Policy" content="x"/><link rel="preload" as="script" href="/a.js"/>' +
      '<script src="/a.js" async></script><script>self.__next_f=1</script></head><body></body></html>';
    const out = injectRecorder(html);
    expect(out.indexOf(RECORDER_PATH)).toBeGreaterThan(out.indexOf('Content-Security-Policy'));
    expect(out.indexOf(`<script src="${RECORDER_PATH}"></script><script src="/a.js"`)).toBeGreaterThan(0);
  });

  it('adds it to the head of a page without scripts', () => {
    expect(injectRecorder('<html><head><title>t</title></head></html>')).toContain(
      `<script src="${RECORDER_PATH}"></script></head>`,
    );
  });
});
