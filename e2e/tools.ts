import { test } from '@playwright/test';
import { findPublishingTools, type PublishingTools } from '../scripts/publishing.mjs';

/**
 * A tool these tests run (EPUBCheck, poppler's pdftotext…). Missing, the test is skipped on a
 * development machine, saying what to install; in CI it fails: CI installs them (.ci/run), so
 * a missing tool there is a broken set-up, not a reason to pass.
 */
export function tool<K extends Exclude<keyof PublishingTools, 'missing'>>(name: K): NonNullable<PublishingTools[K]> {
  const found = findPublishingTools({ install: false })[name];
  if (found) return found as NonNullable<PublishingTools[K]>;
  const message = `${name} is missing: apt-get install epubcheck poppler-utils`;
  if (process.env.CI) throw new Error(message);
  test.skip(true, message);
  throw new Error(message);
}
