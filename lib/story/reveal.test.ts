import { beforeEach, describe, expect, it } from 'vitest';
import { parseFixture } from '@/scenes/testing';
import { arcOf, positionAtScroll, type Arc } from './position';
import {
  ARRIVAL_LINE,
  PAST_LINE,
  TAPE_END,
  TAPE_LAG_MS,
  TAPE_START,
  easeTape,
  hasArrived,
  hasGoneBy,
  scrollTopAt,
  tapeProgress,
  type PageLayout,
} from './reveal';

let arc: Arc;
let layout: PageLayout;
const VIEWPORT = 800;
const LINE = 320;

// A page of beats with uneven heights and gaps between them; the first beat of each scene has its heading above it.
beforeEach(() => {
  arc = arcOf(parseFixture('small'));
  const boxes = [];
  const beats = [];
  let y = 100;
  for (let i = 0; i < arc.beats.length; i++) {
    const heading = arc.beats[i].beat === 0 ? 80 : 0;
    const height = 150 + ((i * 53) % 120);
    boxes.push({ start: y, end: y + heading + height + 40 });
    beats.push({ top: y + heading, bottom: y + heading + height });
    y += heading + height + 40;
  }
  layout = { boxes, beats, viewport: VIEWPORT, line: LINE };
});

/** The position the driver reads at scroll offset `top`. */
const at = (top: number) => positionAtScroll(arc, layout.boxes, top + LINE);

describe('scrollTopAt', () => {
  it('gives back the scroll offset a position was read at, anywhere on the page', () => {
    for (let top = 0; top < layout.boxes.at(-1)!.end - LINE; top += 37) {
      expect(scrollTopAt(arc, layout, at(top))).toBeCloseTo(top, 6);
    }
  });
});

describe('arrival', () => {
  it('comes when a beat’s top crosses the arrival line, whether scrolling down or back up', () => {
    const i = 3;
    const crossing = layout.beats[i].top - VIEWPORT * ARRIVAL_LINE;
    expect(hasArrived(layout, i, scrollTopAt(arc, layout, at(crossing - 1)))).toBe(false);
    expect(hasArrived(layout, i, scrollTopAt(arc, layout, at(crossing + 1)))).toBe(true);
  });

  it('has come for every beat above the line and for none below it', () => {
    const top = 700;
    const arrived = layout.beats.map((_, i) => hasArrived(layout, i, top));
    const line = top + VIEWPORT * ARRIVAL_LINE;
    expect(arrived).toEqual(layout.beats.map((b) => b.top < line));
    expect(arrived).toContain(true);
    expect(arrived).toContain(false);
  });
});

describe('going by', () => {
  it('comes when a beat’s bottom passes the line near the top of the screen', () => {
    const i = 2;
    const crossing = layout.beats[i].bottom - VIEWPORT * PAST_LINE;
    expect(hasGoneBy(layout, i, crossing - 1)).toBe(false);
    expect(hasGoneBy(layout, i, crossing)).toBe(true);
  });

  it('never comes for the last beat: it ends the story', () => {
    expect(hasGoneBy(layout, layout.beats.length - 1, 1e9)).toBe(false);
    expect(hasGoneBy(layout, layout.beats.length - 2, 1e9)).toBe(true);
  });
});

describe('the tape', () => {
  it('plays from its top at TAPE_START of the screen to its bottom at TAPE_END', () => {
    const i = 4;
    const from = layout.beats[i].top - VIEWPORT * TAPE_START;
    const to = layout.beats[i].bottom - VIEWPORT * TAPE_END;
    expect(tapeProgress(layout, i, from - 50)).toBe(0);
    expect(tapeProgress(layout, i, from)).toBe(0);
    expect(tapeProgress(layout, i, (from + to) / 2)).toBeCloseTo(0.5, 9);
    expect(tapeProgress(layout, i, to)).toBe(1);
    expect(tapeProgress(layout, i, to + 50)).toBe(1);
  });

  it('only goes forward as the page scrolls down', () => {
    let last = 0;
    for (let top = 0; top < 3000; top += 13) {
      const p = tapeProgress(layout, 4, top);
      expect(p).toBeGreaterThanOrEqual(last);
      last = p;
    }
    expect(last).toBe(1);
  });

  it('is all or nothing for a tape too short to scroll through', () => {
    const flat: PageLayout = { ...layout, beats: [{ top: 1000, bottom: 1000 }], viewport: 0 };
    expect(tapeProgress(flat, 0, 999)).toBe(0);
    expect(tapeProgress(flat, 0, 1000)).toBe(1);
  });

  it('catches up with the scroll over a short lag, and lands exactly', () => {
    expect(easeTape(0, 1, 0)).toBe(0);
    const one = easeTape(0, 1, TAPE_LAG_MS);
    expect(one).toBeCloseTo(1 - Math.exp(-1), 9);
    let shown = 0;
    let steps = 0;
    while (shown !== 1 && steps < 200) {
      shown = easeTape(shown, 1, 16);
      steps++;
    }
    expect(shown).toBe(1);
    // About a second at 60 frames a second, as ScrollTrigger's scrub of 0.6 s felt.
    expect(steps).toBeGreaterThan(30);
    expect(steps).toBeLessThan(80);
    // Time that runs backwards (a clock set back) does not move it.
    expect(easeTape(0.4, 1, -100)).toBe(0.4);
  });
});
