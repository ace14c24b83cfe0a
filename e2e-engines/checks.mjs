/**
 * The checks every extra engine must pass. Each mirrors a Chromium test (named in its comment)
 * closely enough to fail on the same regressions, with what WebDriver can do everywhere.
 * A check throws to fail (and may return a note to print); the runner also fails it on any error
 * the pages recorded.
 */
import { manuscriptMismatch } from './manuscript.mjs';
import { until } from './timeout.mjs';

function expect(ok, message) {
  if (!ok) throw new Error(message);
}

const fmt = (s) =>
  `rgb ${s.r.toFixed(1)} ${s.g.toFixed(1)} ${s.b.toFixed(1)}, luminance ${s.luminance.toFixed(4)}, p95 ${s.p95.toFixed(3)}`;

/** The places e2e/light.spec.ts compares the dawn with. */
const NIGHT_SCENES = ['three-in-the-morning', 'the-blinking-light', 'the-call', 'waiting-for-him', 'after-three'];

const paragraphsOf = (session) =>
  session.evaluate(() => [...document.querySelectorAll('[data-paragraph]')].map((p) => p.textContent ?? ''));

/**
 * The light at a place, screenshot once per engine (several checks compare the same scenes,
 * and a screenshot of a WebGL page takes seconds in software rendering).
 */
async function shotAt(session, cache, fragment) {
  if (!cache.has(fragment)) {
    await session.goTo(fragment);
    cache.set(fragment, await session.lightShot());
  }
  return cache.get(fragment);
}

const statsAt = async (session, cache, fragment, clip) => session.statsOf(await shotAt(session, cache, fragment), clip);

/** The filters of the text at rest on screen: every beat whose top has passed 45% of the screen. */
function restingText() {
  const top = document.querySelector('[data-chrome]')?.getBoundingClientRect().bottom ?? 0;
  const found = [];
  // e2e/reading.spec.ts: every paragraph that starts between the bar and 85% of the screen.
  for (const p of document.querySelectorAll('#story [data-paragraph]')) {
    const box = p.getBoundingClientRect();
    if (box.height === 0 || box.top < top || box.top > innerHeight * 0.85) continue;
    let opacity = 1;
    const filters = [];
    for (let el = p; el && el !== document.body; el = el.parentElement) {
      const style = getComputedStyle(el);
      opacity *= Number(style.opacity);
      if (style.filter !== 'none') filters.push(style.filter);
    }
    found.push({ beat: p.closest('[data-beat-index]')?.id, text: p.textContent.slice(0, 30), opacity, filters });
  }
  return found;
}

/** @type {{ name: string, timeout?: number, run: (session: any, cache: Map<string, any>) => Promise<string | void> }[]} */
export const checks = [
  {
    // e2e/read.spec.ts and scroll.spec.ts: the whole manuscript on the page; fixtures: no error.
    name: '/ loads with no error and holds the whole story',
    async run(session) {
      await session.open('/');
      await session.waitFor('the light to start', () => {
        const mode = /** @type {any} */ (window).__story?.light.mode;
        return mode !== undefined && mode !== 'pending';
      });
      const mismatch = manuscriptMismatch(await paragraphsOf(session));
      expect(!mismatch, `the story on / is not the manuscript: ${mismatch}`);
    },
  },
  {
    // e2e/light.spec.ts, "cold and dark at the start", and proof that the canvas itself was drawn.
    name: 'the light is WebGL, has drawn, and is cold and dark at the start',
    async run(session, cache) {
      // A fresh load at a deep link; later places are reached by changing the fragment.
      await session.open('/#three-in-the-morning');
      const cold = await statsAt(session, cache, 'three-in-the-morning');
      const canvas = await session.evaluate(() => {
        const c = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-light-canvas]'));
        const light = /** @type {any} */ (window).__story?.light;
        return { opacity: getComputedStyle(c).opacity, width: light?.width ?? 0, thread: light?.thread };
      });
      expect(canvas.opacity === '1' && canvas.width > 0, `the canvas is not shown: ${JSON.stringify(canvas)}`);
      const drawn = await session.canvasDrawnShare();
      expect(drawn > 0.5, `the WebGL canvas changes only ${(drawn * 100).toFixed(1)}% of the screen: nothing drawn`);
      expect(cold.luminance < 0.03, `the start is not dark: ${fmt(cold)}`);
      expect(cold.b > cold.r, `the start is not cold (blue over red): ${fmt(cold)}`);
      return `canvas drew ${(drawn * 100).toFixed(0)}% of the screen, drawn on the ${canvas.thread} thread; start ${fmt(cold)}`;
    },
  },
  {
    // e2e/light.spec.ts: amber under the streetlight, the shaft on the window side.
    name: 'the streetlight scene is amber with a bright shaft on the window side',
    async run(session, cache) {
      const street = await statsAt(session, cache, 'after-three');
      expect(street.r > street.b * 1.4, `not amber (red over 1.4 × blue): ${fmt(street)}`);
      expect(street.r > street.g, `not amber (red over green): ${fmt(street)}`);
      const shaft = await statsAt(session, cache, 'after-three', { x: 0, y: 100, width: 360, height: 700 });
      const far = await statsAt(session, cache, 'after-three', { x: 1080, y: 100, width: 360, height: 700 });
      expect(shaft.luminance > far.luminance * 3, `no shaft: window side ${fmt(shaft)}; far side ${fmt(far)}`);
      expect(shaft.p95 > 0.2, `the shaft is not bright: ${fmt(shaft)}`);
      return `shaft ${(shaft.luminance / far.luminance).toFixed(1)}× the far side, p95 ${shaft.p95.toFixed(2)}`;
    },
  },
  {
    // e2e/light.spec.ts: the dawn brighter and warmer than every night scene.
    name: 'the dawn is the brightest and warmest light',
    timeout: 150_000,
    async run(session, cache) {
      const night = [];
      for (const id of NIGHT_SCENES) night.push([id, await statsAt(session, cache, id)]);
      await session.story();
      // The dawn's beat, found on the page as the spec finds it in the arc: the third of the scene "morning".
      const beat = await session.waitFor('the morning scene’s third beat', () => {
        const beats = document.querySelectorAll('#morning [data-beat-index]');
        return beats[2]?.id ?? '';
      });
      const dawn = await statsAt(session, cache, beat);
      for (const [id, s] of night) {
        expect(dawn.luminance > s.luminance, `the dawn (${fmt(dawn)}) is not brighter than ${id} (${fmt(s)})`);
        expect(dawn.r - dawn.b > s.r - s.b, `the dawn (${fmt(dawn)}) is not warmer than ${id} (${fmt(s)})`);
      }
      const brightest = Math.max(...night.map(([, s]) => s.luminance));
      return `dawn luminance ${dawn.luminance.toFixed(3)}, brightest night ${brightest.toFixed(3)}`;
    },
  },
  {
    // lib/anim/scrollAnimations.ts: text sharpens out of a blur as it arrives and is at rest above the reading line.
    name: 'text at rest is sharp and in full ink after scrolling stops',
    async run(session) {
      await session.goTo('the-call');
      // The text's motion loads after the first paint: wait until it has taken hold and text below
      // the screen waits to arrive, which also shows this check would see text that is not at rest.
      await session.waitFor('the text motion to take hold', () => {
        if (document.documentElement.dataset.textMotion !== 'on') return false;
        return [...document.querySelectorAll('[data-anim="body"]')].some(
          (el) => el.getBoundingClientRect().top > innerHeight && Number(getComputedStyle(el).opacity) < 0.5,
        );
      });
      await session.evaluate(async () => {
        // A reader's scroll: a step a frame, however slow the frames.
        for (let i = 0; i < 12; i++) {
          window.scrollBy(0, 40);
          await new Promise((r) => requestAnimationFrame(r));
        }
      });
      // An arrival takes about a second; software WebGL on two shared cores can starve the ticker,
      // so the text is given a generous while to come to rest (it must, however slowly).
      const stopped = Date.now();
      const unsettledOf = (found) => found.filter((f) => f.filters.length > 0 || f.opacity < 1);
      await until(
        'the text to come to rest',
        async () => {
          const found = await session.evaluate(restingText);
          return found.length > 0 && unsettledOf(found).length === 0;
        },
        { timeout: 30_000, next: () => session.frames(4).catch(() => undefined) },
      ).catch(() => undefined);
      const atRest = await session.evaluate(restingText);
      const unsettled = unsettledOf(atRest);
      expect(atRest.length > 0, 'no text at rest on screen to check');
      expect(
        unsettled.length === 0,
        `${unsettled.length} of ${atRest.length} paragraphs at rest are blurred or faded ${Math.round((Date.now() - stopped) / 1000)} s after scrolling stopped: ${unsettled
          .slice(0, 4)
          .map((f) => `#${f.beat} "${f.text}" opacity ${f.opacity.toFixed(2)} ${f.filters.join(' ')}`)
          .join('; ')}`,
      );
      return `sharp ${Date.now() - stopped} ms after scrolling stopped (${atRest.length} paragraphs)`;
    },
  },
  {
    // e2e/present.spec.ts: the keyboard walk (forward with ArrowRight, back with ArrowLeft).
    name: '/present steps forward and back with the keyboard',
    async run(session) {
      // From an address, so a place remembered from the other checks cannot decide the step.
      await session.open('/present#s-1');
      const at = (step) =>
        session.waitFor(
          `step ${step + 1} (data-step="${step}", #s-${step + 1})`,
          (s) => {
            const root = document.querySelector('[data-presentation]');
            const shown = document.querySelectorAll('[data-steps] > section:not([hidden])');
            return (
              root?.getAttribute('data-step') === String(s) && location.hash === `#s-${s + 1}` && shown.length === 1
            );
          },
          step,
          10_000,
        );
      await at(0);
      const first = await session.evaluate(
        () => document.querySelector('[data-steps] > section:not([hidden])')?.textContent,
      );
      await session.driver.press('ArrowRight');
      await at(1);
      const second = await session.evaluate(
        () => document.querySelector('[data-steps] > section:not([hidden])')?.textContent,
      );
      expect(first !== second, 'step 2 shows the same text as step 1');
      await session.driver.press('ArrowRight');
      await at(2);
      await session.driver.press('ArrowLeft');
      await at(1);
    },
  },
  {
    // e2e/read.spec.ts: fidelity to the manuscript (here with JavaScript on, as readers get it).
    name: '/read is whole: every manuscript paragraph, in order',
    async run(session) {
      await session.open('/read');
      const mismatch = manuscriptMismatch(await paragraphsOf(session));
      expect(!mismatch, `/read is not the manuscript: ${mismatch}`);
    },
  },
];
