/**
 * When this edition was made: its dcterms:modified and the time of every file in the zip.
 * SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, so that two
 * builds of the same source give the same bytes; otherwise the build's own time, the way
 * a printing carries its date. Whole seconds: that is all dcterms:modified may carry.
 */
export function editionDate(env: Record<string, string | undefined> = process.env, now = Date.now()): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(Math.floor(now / 1000) * 1000);
}

/** A date as EPUB's dcterms:modified wants it: `2026-11-25T21:04:00Z`, in UTC, no fraction. */
export const w3cDateTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
