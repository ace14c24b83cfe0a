import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    include: [
      'scenes/**/*.test.ts',
      'shaders/**/*.test.ts',
      'scripts/**/*.test.ts',
      'lib/**/*.test.ts',
      'components/**/*.test.ts?(x)',
      'app/**/*.test.ts?(x)',
      'e2e-engines/**/*.test.ts',
    ],
    environment: 'node',
  },
});
