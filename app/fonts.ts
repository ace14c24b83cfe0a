import localFont from 'next/font/local';

/*
 * Fonts are self-hosted from the @fontsource packages: the site asks no other origin
 * for anything. next/font gives each a metrics-matched fallback, so a slow or missing
 * font file changes the face, never the layout.
 */
export const literata = localFont({
  src: [
    { path: '../node_modules/@fontsource-variable/literata/files/literata-latin-wght-normal.woff2', style: 'normal' },
    { path: '../node_modules/@fontsource-variable/literata/files/literata-latin-wght-italic.woff2', style: 'italic' },
  ],
  weight: '200 900',
  display: 'swap',
  variable: '--font-literata',
  fallback: ['Georgia', 'Cambria', 'Times New Roman', 'serif'],
  adjustFontFallback: 'Times New Roman',
});

export const fraunces = localFont({
  src: '../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2',
  weight: '100 900',
  display: 'swap',
  variable: '--font-fraunces',
  fallback: ['Georgia', 'serif'],
  adjustFontFallback: 'Times New Roman',
});
