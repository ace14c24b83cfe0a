import { BACKDROP, INK, INK_SOFT, cssHex, type Ink } from './palette';

/**
 * The stage's colour tokens, made from the palette: the CSS never spells a colour the
 * light has to agree with. Written to app/palette.css by `npm run tokens`; the unit test
 * fails while that file is out of date.
 */
export function paletteCss(): string {
  const inks: Ink[] = ['night', 'day'];
  const lines = inks.flatMap((ink) => [
    `  --color-${ink}-ink: ${cssHex(INK[ink])};`,
    `  --color-${ink}-ink-soft: ${cssHex(INK_SOFT[ink])};`,
    `  --color-${ink}-backdrop: ${cssHex(BACKDROP[ink])};`,
  ]);
  return [
    '/* Generated from lib/light/palette.ts by `npm run tokens`: change the palette, not this file. */',
    '@theme {',
    ...lines,
    '}',
    '',
  ].join('\n');
}

/** Where the generated tokens live. */
export const PALETTE_CSS = 'app/palette.css';
