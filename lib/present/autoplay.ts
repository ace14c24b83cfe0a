/**
 * Autoplay timing: how long each step stays on screen when the presentation turns its
 * own pages. A step stays as long as it takes to read it aloud at the chosen pace, never
 * less than a minimum (a three-word line still needs a moment), plus a breath before the
 * next one.
 */

/** Words a minute for reading aloud to a room: slower than silent reading (250). */
export const DEFAULT_WPM = 180;
export const MIN_WPM = 60;
export const MAX_WPM = 600;
/** How much one press of + or − changes the pace. */
export const WPM_STEP = 20;
/** The shortest time any step is shown. */
export const MIN_DWELL_MS = 4000;
/** A pause after each step, for the page to turn and the room to take it in. */
export const BREATH_MS = 1500;

export function clampWpm(wpm: number): number {
  if (!Number.isFinite(wpm)) return DEFAULT_WPM;
  return Math.min(MAX_WPM, Math.max(MIN_WPM, Math.round(wpm)));
}

/** The next pace after a press of + (1) or − (-1). */
export function stepPace(wpm: number, direction: 1 | -1): number {
  return clampWpm(wpm + direction * WPM_STEP);
}

/** How long a step of `words` words stays on screen at `wpm` words a minute, in ms. */
export function dwellMs(words: number, wpm: number): number {
  const reading = (Math.max(0, words) / clampWpm(wpm)) * 60_000;
  return Math.round(Math.max(MIN_DWELL_MS, reading) + BREATH_MS);
}

/** How long autoplay takes from the first step to the last, each shown its dwell, in ms. */
export function runMs(wordsPerStep: readonly number[], wpm: number): number {
  return wordsPerStep.reduce((sum, words) => sum + dwellMs(words, wpm), 0);
}

/** "19 min 30 s", for people. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''].filter(Boolean).join(' ');
}

/** The words that turn `?autoplay` off; anything else, a bare `?autoplay` too, turns it on. */
const OFF = new Set(['0', 'false', 'no', 'off']);

/**
 * Whether the address asks a kiosk to play on opening: `?autoplay`, `?autoplay=1`,
 * `=true` or `=yes` do, `=0`, `=false`, `=no` (or `=off`) do not, in any case. Absent, it
 * does not. A link that says "no" must never start a show.
 */
export function autoplayFromQuery(query: URLSearchParams): boolean {
  const value = query.get('autoplay');
  if (value === null) return false;
  return !OFF.has(value.trim().toLowerCase());
}
