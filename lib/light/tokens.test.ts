import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKDROP, INK, INK_SOFT, COLUMN_BOUNDS, contrast, cssHex, luminance } from './palette';
import { PALETTE_CSS, paletteCss } from './tokens';

describe('the stage’s colour tokens', () => {
  it('are made from the palette', () => {
    const css = paletteCss();
    expect(css).toContain(`--color-night-ink: ${cssHex(INK.night)};`);
    expect(css).toContain(`--color-day-ink-soft: ${cssHex(INK_SOFT.day)};`);
    expect(css).toContain(`--color-day-backdrop: ${cssHex(BACKDROP.day)};`);
    expect(css.match(/--color-/g)).toHaveLength(6);
  });

  it(`are what ${PALETTE_CSS} holds (UPDATE_TOKENS=1 writes it: npm run tokens)`, () => {
    if (process.env.UPDATE_TOKENS) writeFileSync(PALETTE_CSS, paletteCss());
    expect(readFileSync(PALETTE_CSS, 'utf8')).toBe(paletteCss());
  });

  it('keep 4.5:1 with either ink on its backdrop and within its column’s bounds', () => {
    for (const ink of ['night', 'day'] as const) {
      for (const text of [INK[ink], INK_SOFT[ink]]) {
        expect(contrast(text, BACKDROP[ink])).toBeGreaterThanOrEqual(4.5);
        const { min, max } = COLUMN_BOUNDS[ink];
        const worst = ink === 'night' ? max : min;
        const [hi, lo] = [luminance(text), worst].sort((a, b) => b - a);
        expect((hi + 0.05) / (lo + 0.05), `${ink} ${cssHex(text)}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('the stylesheets', () => {
  const sheets = ['app', 'components']
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)))
    .filter((f) => f.endsWith('.css') && f !== PALETTE_CSS);
  const tokens = [...paletteCss().matchAll(/#[0-9a-f]{6}/g)].map((m) => m[0]);

  it('never spell a colour the palette owns: they read its tokens', () => {
    expect(sheets.length).toBeGreaterThan(10);
    expect(tokens).toHaveLength(6);
    for (const sheet of sheets) {
      const css = readFileSync(sheet, 'utf8').toLowerCase();
      for (const hex of tokens) expect(css.includes(hex), `${sheet} spells ${hex}`).toBe(false);
    }
  });
});
