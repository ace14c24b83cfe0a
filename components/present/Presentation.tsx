'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { clampWpm, DEFAULT_WPM, dwellMs, stepPace } from '@/lib/present/autoplay';
import { stepHash } from '@/lib/present/hash';
import type { PresentAction } from '@/lib/present/keys';
import { stepsOf, type Step } from '@/lib/present/steps';
import { toggleFullscreen } from '@/lib/drivers/fullscreen';
import type { PresentationState, PresentationView } from '@/lib/drivers/presentationChannel';
import { useAutoplay } from '@/lib/drivers/useAutoplay';
import { useNotice } from '@/lib/drivers/useNotice';
import { usePresentationKeys } from '@/lib/drivers/usePresentationKeys';
import { usePresentationSync } from '@/lib/drivers/usePresentationSync';
import { useStepHash } from '@/lib/drivers/useStepHash';
import { useSwipe } from '@/lib/drivers/useSwipe';
import { positionOfStep, stepOf } from '@/lib/story/position';
import type { Story } from '@/scenes/types';
import { useStage } from '../Stage';
import { AudienceView } from './AudienceView';
import { BlackoutDialog } from './BlackoutDialog';
import { Handouts } from './Handouts';
import { HelpDialog } from './HelpDialog';
import { OverviewDialog } from './OverviewDialog';
import { PresenterView } from './PresenterView';

type Panel = 'overview' | 'help' | null;

/** What the views need to show the presentation's state and drive it. */
export interface Controls {
  act: (action: PresentAction) => boolean;
  blackout: boolean;
  playing: boolean;
  wpm: number;
  step: number;
  total: number;
}

const noSubscription = () => () => {};
/**
 * The query holds the options: `?view=presenter`, for a kiosk `?autoplay` (play on opening)
 * and `?loop` (start again after the last step), and `?print` for the handouts. A static
 * page only knows it in the browser.
 */
const readQuery = () => location.search;
const useQuery = () => new URLSearchParams(useSyncExternalStore(noSubscription, readQuery, () => ''));

/**
 * Presentation mode, or its handouts with `?print`: those are every step on a page of its
 * own, with none of the show's drivers. The prerendered page is the show; the browser
 * switches to the handouts once it has read the address.
 */
export function Presentation({ story }: { story: Story }) {
  const print = useQuery().has('print');
  const steps = useMemo(() => stepsOf(story), [story]);
  return print ? <Handouts story={story} steps={steps} /> : <Show story={story} steps={steps} />;
}

/**
 * Presentation mode: the story as steps, one beat each, for a reading, a screen or a
 * kiosk. It is a driver of the one position store, like the scroll page: every way of
 * moving (keys, buttons, touch, the address, autoplay, the other window) ends in
 * `store.set(positionOfStep(...))`, and the step shown, the address and the light all
 * follow the store. What else it keeps (blackout, autoplay, pace, open panels) is
 * about the show, not about where the story is.
 */
function Show({ story, steps }: { story: Story; steps: Step[] }) {
  const { arc, store } = useStage();
  const last = steps.length - 1;
  const step = useSyncExternalStore(
    store.subscribe,
    () => stepOf(arc, store.get()),
    () => 0,
  );
  const query = useQuery();
  const view: PresentationView = query.get('view') === 'presenter' ? 'presenter' : 'audience';
  const loop = query.has('loop');
  const autoplay = query.has('autoplay');
  const [blackout, setBlackout] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [wpm, setWpm] = useState(DEFAULT_WPM);
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, say] = useNotice();
  const root = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);

  const ready = useStepHash(arc, store, (fragment) =>
    say(
      `The link asks for “${fragment}”, which is not a step of the story, so the presentation opens at the first step.`,
      9000,
    ),
  );

  useEffect(() => {
    if (!ready) return;
    // The light measures the reading column when the window resizes; this page's column
    // is not the scroll page's, and the light may have come from there.
    window.dispatchEvent(new Event('resize'));
    // A kiosk starts on its own. Only known once the page has hydrated in the browser.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (autoplay) setPlaying(true);
  }, [ready, autoplay]);

  const go = useCallback(
    (target: number) => store.set(positionOfStep(arc, Math.min(last, Math.max(0, target)))),
    [arc, store, last],
  );

  const state: PresentationState = useMemo(() => ({ step, blackout, playing, wpm }), [step, blackout, playing, wpm]);
  const audienceHeard = usePresentationSync(view, ready, state, (next) => {
    // One render for the whole message: a half-applied state must never be sent back.
    flushSync(() => {
      setBlackout(next.blackout);
      setPlaying(next.playing);
      setWpm(clampWpm(next.wpm));
      go(next.step);
    });
  });

  const togglePlay = () => {
    if (playing) {
      setPlaying(false);
      say('Paused.');
      return;
    }
    // Playing from the last step starts the story again.
    if (step === last) go(0);
    setPlaying(true);
    say(`Playing at ${wpm} words a minute.`);
  };

  const presenter = useRef<Window | null>(null);
  const openPresenter = () => {
    // Already open: bring it forward rather than reload it (its timer would start again).
    if (presenter.current && !presenter.current.closed) {
      presenter.current.focus();
      return;
    }
    const url = `/present?view=presenter${stepHash(step)}`;
    presenter.current = window.open(url, 'come-home-presenter', 'popup,width=1280,height=800');
    if (!presenter.current) {
      say('The browser blocked the presenter view. Allow pop-ups, or open /present?view=presenter yourself.');
    }
  };

  /** Does what an action means now; returns whether it was used. */
  const act = (action: PresentAction, event?: KeyboardEvent): boolean => {
    if (blackout && view === 'audience') {
      // A black screen waits for the key that ends it; nothing moves behind it.
      if (action.type === 'blackout' || action.type === 'overview') setBlackout(false);
      return action.type !== 'digits';
    }
    if (panel) {
      const closes = event?.key === 'Escape' || action.type === (panel === 'overview' ? 'overview' : 'help');
      if (closes) setPanel(null);
      else if (action.type === 'overview' || action.type === 'help') setPanel(action.type);
      // Everything else belongs to the open panel: Tab, Enter and arrows work inside it.
      return closes || action.type === 'overview' || action.type === 'help';
    }
    switch (action.type) {
      case 'next':
        go(step + 1);
        return true;
      case 'prev':
        go(step - 1);
        return true;
      case 'first':
        go(0);
        return true;
      case 'last':
        go(last);
        return true;
      case 'goto':
        if (action.step >= 1 && action.step <= steps.length) go(action.step - 1);
        else say(`There is no step ${action.step}: the story has ${steps.length}.`);
        return true;
      case 'digits':
        return true;
      case 'fullscreen':
        void toggleFullscreen().then((problem) => problem && say(problem));
        return true;
      case 'overview':
      case 'help':
        setPanel(action.type);
        return true;
      case 'blackout':
        setBlackout((b) => !b);
        return true;
      case 'play':
        togglePlay();
        return true;
      case 'pace': {
        const next = stepPace(wpm, action.direction);
        setWpm(next);
        say(`${next} words a minute.`, 2000);
        return true;
      }
      case 'presenter':
        if (view === 'audience') openPresenter();
        return view === 'audience';
    }
  };

  const digits = usePresentationKeys(act);
  useSwipe(root, (gesture) => act({ type: gesture }));
  useAutoplay(
    ready && playing && !blackout && !panel && (view === 'audience' || !audienceHeard),
    step,
    dwellMs(steps[step].beat.words, wpm),
    () => {
      if (step < last) go(step + 1);
      else if (loop) go(0);
      else {
        setPlaying(false);
        say('The end. Autoplay has stopped.');
      }
    },
  );

  const focusMain = useCallback(() => main.current, []);
  const controls = { act, blackout, playing, wpm, step, total: steps.length };

  return (
    // data-step is a read-only hook for tests and tools (where the presentation is);
    // data-present-text lets the light's tests hide everything drawn over the light.
    <div ref={root} className="present" data-view={view} data-step={ready ? step : undefined} data-present-text="">
      {view === 'presenter' ? (
        <PresenterView steps={steps} controls={controls} notice={notice} digits={digits} mainRef={main} />
      ) : (
        <AudienceView
          story={story}
          steps={steps}
          controls={controls}
          ready={ready}
          notice={notice}
          digits={digits}
          mainRef={main}
        />
      )}
      <OverviewDialog
        open={panel === 'overview'}
        steps={steps}
        current={step}
        onJump={(target) => {
          go(target);
          setPanel(null);
        }}
        onClose={() => setPanel(null)}
        fallback={focusMain}
      />
      <HelpDialog open={panel === 'help'} wpm={wpm} steps={steps} onClose={() => setPanel(null)} fallback={focusMain} />
      {view === 'audience' && (
        <BlackoutDialog open={blackout} onClose={() => setBlackout(false)} fallback={focusMain} />
      )}
    </div>
  );
}
