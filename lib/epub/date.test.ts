import { describe, expect, it } from 'vitest';
import { editionDate, w3cDateTime } from './date';

describe('editionDate', () => {
  it('is SOURCE_DATE_EPOCH when set, for reproducible builds', () => {
    expect(editionDate({ SOURCE_DATE_EPOCH: '1764072000' }, 0).toISOString()).toBe('2025-11-25T12:00:00.000Z');
  });

  it('is the build time in whole seconds otherwise', () => {
    expect(editionDate({}, 1764072000999).getTime()).toBe(1764072000000);
    expect(editionDate({ SOURCE_DATE_EPOCH: ' ' }, 1764072000999).getTime()).toBe(1764072000000);
  });

  it('rejects a SOURCE_DATE_EPOCH that is not whole seconds', () => {
    expect(() => editionDate({ SOURCE_DATE_EPOCH: '2025-11-25' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('w3cDateTime', () => {
  it('writes UTC to the second, as dcterms:modified requires', () => {
    expect(w3cDateTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
  });
});
