'use client';

import { useEffect, useState, type RefObject } from 'react';
import { frameLoop } from '@/lib/frame/loop';
import { lineForPosition, positionAtScroll, type Arc, type BeatBox, type Position } from '@/lib/story/position';
import type { PageLayout } from '@/lib/story/reveal';
import type { PositionStore } from '@/lib/story/store';

/** Where on the screen the reader is taken to be reading, as a fraction of its height. */
export const READING_LINE = 0.4;

/**
 * A height change smaller than this share of the viewport, with the width unchanged, is
 * a phone's address bar showing or hiding: nothing moves for it.
 */
const ADDRESS_BAR_SHARE = 0.25;

/**
 * How long the layout must stay still before a resize is over. Until then the reader's
 * place is the one from before the first resize: scroll offsets read while the text is
 * reflowing belong to no stable layout, and taking them as the place drifts it.
 */
const SETTLE_MS = 250;

/** Input that means the reader is moving on their own, which ends any hold on the place. */
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * The scroll offset that puts a position on the reading line. Rounded up, half a pixel
 * past: browsers scroll in whole pixels, and rounding down would land on the last pixel
 * of the beat before (at a scene border, the scene before).
 */
function scrollTopFor(arc: Arc, boxes: BeatBox[], position: Position, line: number): number {
  return Math.max(0, Math.ceil(lineForPosition(arc, boxes, position) - line + 0.5));
}

/**
 * Measures where each beat of the page begins and ends, in document pixels: the spans that
 * tile the page (a beat's span starts at its scene's heading when it opens the scene, and
 * runs to the next beat), and each beat's own block.
 */
function measureBeats(root: HTMLElement): Pick<PageLayout, 'boxes' | 'beats'> {
  const els = root.querySelectorAll<HTMLElement>('[data-beat-index]');
  const y = window.scrollY;
  const starts: number[] = [];
  const beats: PageLayout['beats'] = [];
  let end = 0;
  for (const el of els) {
    const i = Number(el.dataset.beatIndex);
    const box = el.getBoundingClientRect();
    // A scene's heading belongs to its first beat, so the scene starts at its heading.
    const section = el.dataset.beatFirst !== undefined ? el.closest<HTMLElement>('[data-scene-index]') : null;
    const anchor = section?.querySelector<HTMLElement>('[data-scene-anchor]') ?? section;
    starts[i] = (anchor ? anchor.getBoundingClientRect().top : box.top) + y;
    beats[i] = { top: box.top + y, bottom: box.bottom + y };
    end = Math.max(end, box.bottom + y);
  }
  return { boxes: starts.map((start, i) => ({ start, end: starts[i + 1] ?? end })), beats };
}

/**
 * The scroll driver: turns the page's scroll offset into the story position, and keeps
 * the reader on the same beat through resizes, orientation changes and font loads. It is
 * the page's one measurement of where the reader is: it reads the scroll offset once a
 * frame, in the frame loop's `read` phase, and its measured layout is what the text's
 * motion reads too. One instance per page; its measurements are plain fields, not React
 * state, because they change with layout, not with anything React renders.
 */
export class ScrollDriver {
  boxes: BeatBox[] = [];
  beats: PageLayout['beats'] = [];
  /** Counts the measurements, so what reads the layout knows when it changed. */
  measured = 0;
  line = 0;
  width = 0;
  height = 0;
  root: HTMLElement | null = null;
  /** The place held through a resize or reflow, until the layout settles. */
  private held: Position | null = null;
  private settleTimer = 0;
  /**
   * Where the driver last put the page back, and for which place. While the page stays
   * there, that place is the position: read back from whole-pixel scroll offsets it would
   * come out a fraction of a pixel later, and a run of resizes would ratchet it forward.
   */
  private placed: { top: number; place: Position } | null = null;

  constructor(
    private readonly arc: Arc,
    private readonly store: PositionStore,
  ) {}

  measure() {
    if (!this.root) return;
    ({ boxes: this.boxes, beats: this.beats } = measureBeats(this.root));
    this.measured++;
    // What reads the layout (the text's motion) follows it in the next frame.
    frameLoop.request();
  }

  /** Where the beats are and the screen's height and reading line, as last measured. */
  get layout(): PageLayout {
    return { boxes: this.boxes, beats: this.beats, viewport: this.height, line: this.line };
  }

  /** Sets the store from the current scroll offset, unless a reflow is holding the place. */
  sync() {
    if (this.held) return;
    if (this.placed && Math.abs(window.scrollY - this.placed.top) <= 1) {
      this.store.set(this.placed.place);
      return;
    }
    this.placed = null;
    this.store.set(positionAtScroll(this.arc, this.boxes, window.scrollY + this.line));
  }

  /** Scrolls so the page shows a position; the store follows at once. */
  scrollTo(position: Position, smooth = false) {
    this.release(false);
    this.placed = null;
    this.measure();
    const top = scrollTopFor(this.arc, this.boxes, position, this.line);
    window.scrollTo({ top, behavior: smooth ? 'smooth' : 'instant' });
    // Set now too: an instant scroll to where we already are fires no event.
    this.store.set(positionAtScroll(this.arc, this.boxes, top + this.line));
  }

  /** Starts following the page's scroll and layout; returns the clean-up. */
  attach(el: HTMLElement): () => void {
    let scrolled = false;
    this.root = el;
    this.width = window.innerWidth;
    this.height = window.innerHeight;
    this.line = this.height * READING_LINE;
    this.measure();

    // A scroll asks the loop for a frame; the offset is read once, at the start of that frame.
    const onScroll = () => {
      scrolled = true;
      frameLoop.request();
    };
    const read = frameLoop.add('read', () => {
      if (!scrolled) return;
      scrolled = false;
      this.sync();
    });
    const onResize = () => {
      const width = window.innerWidth;
      const height = window.innerHeight;
      if (width === this.width && Math.abs(height - this.height) < this.height * ADDRESS_BAR_SHARE) return;
      this.width = width;
      this.height = height;
      this.line = height * READING_LINE;
      this.relayout();
    };
    let lastHeight = el.offsetHeight;
    const observer = new ResizeObserver(() => {
      // Fonts arriving or the column changing width reflow the text under the reader.
      if (el.offsetHeight !== lastHeight) {
        lastHeight = el.offsetHeight;
        this.relayout();
      }
    });
    observer.observe(el);
    const release = () => this.release();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onResize);
    for (const type of READER_INPUT) window.addEventListener(type, release, { passive: true, capture: true });
    this.sync();
    return () => {
      read();
      this.release();
      observer.disconnect();
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
      for (const type of READER_INPUT) window.removeEventListener(type, release, { capture: true });
      this.root = null;
    };
  }

  /**
   * The page reflowed: measure again and put the reader back on the same place. The place
   * is the one from before the first of a run of reflows (a resize storm, a rotation, fonts
   * arriving), kept until the layout has been still for SETTLE_MS.
   */
  relayout() {
    this.held ??= this.store.get();
    window.clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => this.settle(), SETTLE_MS);
    this.restore(this.held);
  }

  private restore(place: Position) {
    this.measure();
    const top = scrollTopFor(this.arc, this.boxes, place, this.line);
    if (Math.abs(window.scrollY - top) > 1) window.scrollTo({ top, behavior: 'instant' });
    this.placed = { top, place };
  }

  /** The layout is still: back on the held place for good, and scrolling drives again. */
  private settle() {
    const place = this.held;
    this.held = null;
    if (place) this.restore(place);
    this.sync();
  }

  /** The reader (or a link) moves on: whatever the scroll shows from now on is the place. */
  private release(sync = true) {
    window.clearTimeout(this.settleTimer);
    if (!this.held) return;
    this.held = null;
    if (sync) this.sync();
  }
}

export function useScrollPosition(root: RefObject<HTMLElement | null>, arc: Arc, store: PositionStore): ScrollDriver {
  const [driver] = useState(() => new ScrollDriver(arc, store));
  useEffect(() => (root.current ? driver.attach(root.current) : undefined), [root, driver]);
  return driver;
}
