import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      // Made for the pages/ router: with the app/ router its patterns matched no page here but
      // the home page (they lack the trailing slash the rule adds to links), and the EPUB's
      // route, app/[edition], a dynamic segment at the root, makes them match every link.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    ignores: [
      '.next/**',
      'out/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
];

export default config;
