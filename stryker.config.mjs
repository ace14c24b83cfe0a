// Mutation testing of the pure engine: `npm run mutate`. See README, "Checks".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.mts' },
  // Globs, so a pure module added to one of these folders later is mutated too.
  mutate: [
    'scenes/**/*.ts',
    'lib/story/**/*.ts',
    'lib/present/**/*.ts',
    'lib/epub/**/*.ts',
    'lib/light/palette.ts',
    'lib/light/tiers.ts',
    'lib/light/cost.ts',
    'lib/light/program.ts',
    'lib/light/renderer.ts',
    'lib/frame/loop.ts',
    'lib/math.ts',
    'lib/light/tokens.ts',
    'shaders/palette.glsl.ts',
    '!**/*.test.ts',
    // Test helpers, not engine code.
    '!scenes/testing.ts',
    '!lib/epub/testing.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // On a busy shared machine the default 5 s margin turns slow runs into false "timeouts" (counted as killed).
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

export default config;
