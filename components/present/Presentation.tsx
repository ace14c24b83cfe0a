'use client';

import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { stepAnnouncement } from '@/lib/present/announcement';
import { autoplayFromQuery, dwellMs } from '@/lib/present/autoplay';
import type { Controls } from '@/lib/present/controls';
import type { PresentAction } from '@/lib/present/keys';
import { autoplaying, INITIAL_SHOW, reduce, type ShowAction, type ShowEffect } from '@/lib/present/reduce';
import { stepsOf, type Step } from '@/lib/present/steps';
import { windowTitle } from '@/lib/present/windowTitle';
import { toggleFullscreen } from '@/lib/drivers/fullscreen';
import type { PresentationState, PresentationView } from '@/lib/drivers/presentationChannel';
import { useAutoplay } from '@/lib/drivers/useAutoplay';
import { useIdleChrome } from '@/lib/drivers/useIdleChrome';
import { useNotice } from '@/lib/drivers/useNotice';
import { usePresentationKeys } from '@/lib/drivers/usePresentationKeys';
import { usePresentationSync } from '@/lib/drivers/usePresentationSync';
import { useShortcutSetting } from '@/lib/drivers/useShortcutSetting';
import { useStepAnnouncement } from '@/lib/drivers/useStepAnnouncement';
import { useWindowTitle } from '@/lib/drivers/useWindowTitle';
import { useStepHash } from '@/lib/drivers/useStepHash';
import { useSwipe } from '@/lib/drivers/useSwipe';
import { reloadBetweenLoops } from '@/lib/drivers/serviceWorkerUpdate';
import { positionOfStep, stepOf } from '@/lib/story/position';
import type { Story } from '@/scenes/types';
import { useStage } from '../Stage';
import { AudienceView } from './AudienceView';
import { BlackoutDialog } from './BlackoutDialog';
import { Handouts } from './Handouts';
import { HelpDialog } from './HelpDialog';
import { LeaveOffer } from './LeaveOffer';
import { OverviewDialog } from './OverviewDialog';
import { PresenterView } from './PresenterView';
import styles from './Presentation.module.css';

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
export function Presentation({ story, stepsHtml }: { story: Story; stepsHtml: string }) {
  const print = useQuery().has('print');
  const steps = useMemo(() => stepsOf(story), [story]);
  return print ? <Handouts story={story} steps={steps} /> : <Show story={story} steps={steps} stepsHtml={stepsHtml} />;
}

/**
 * Presentation mode: the story as steps, one beat each, for a reading, a screen or a
 * kiosk. It is a driver of the one position store, like the scroll page: every way of
 * moving (keys, buttons, touch, the address, autoplay, the other window) ends in
 * `store.set(positionOfStep(...))`, and the step shown, the address and the light all
 * follow the store. What else it keeps (blackout, autoplay, pace, open panels) is
 * about the show, not about where the story is.
 */
function Show({ story, steps, stepsHtml }: { story: Story; steps: Step[]; stepsHtml: string }) {
  const { arc, store } = useStage();
  const step = useSyncExternalStore(
    store.subscribe,
    () => stepOf(arc, store.get()),
    () => 0,
  );
  const query = useQuery();
  const view: PresentationView = query.get('view') === 'presenter' ? 'presenter' : 'audience';
  const loop = query.has('loop');
  const autoplay = autoplayFromQuery(query);
  const [show, setShow] = useState(INITIAL_SHOW);
  const { panel, leaving, blackout, playing, wpm } = show;
  // What the next action sees: the last transition's state, even before React has rendered it
  // (two actions in one event, or a message and a key in one frame, must not undo each other).
  const latestShow = useRef(show);
  const [notice, say] = useNotice();
  const root = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);
  const presenter = useRef<Window | null>(null);

  /** Does what the state machine (lib/present/reduce) asked for. */
  const carryOut = (effect: ShowEffect) => {
    switch (effect.type) {
      case 'go':
        store.set(positionOfStep(arc, effect.step));
        return;
      case 'notice':
        say(effect.text, effect.ms);
        return;
      case 'fullscreen':
        void toggleFullscreen().then((problem) => problem && say(problem));
        return;
      case 'exit-fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        return;
      case 'open-presenter':
        // Already open: bring it forward rather than reload it (its timer would start again).
        if (presenter.current && !presenter.current.closed) {
          presenter.current.focus();
          return;
        }
        presenter.current = window.open(effect.url, 'come-home-presenter', 'popup,width=1280,height=800');
        if (!presenter.current) say(effect.blocked);
    }
  };

  /** Runs an action through the state machine; returns whether it was used. */
  const run = (action: ShowAction): boolean => {
    // The step from the store itself, for the same reason: an earlier effect may have moved it.
    const context = {
      step: stepOf(arc, store.get()),
      total: steps.length,
      view,
      loop,
      fullscreen: !!document.fullscreenElement,
    };
    const { state, effects, handled } = reduce(latestShow.current, action, context);
    latestShow.current = state;
    setShow(state);
    effects.forEach(carryOut);
    return handled;
  };

  const opening = useStepHash(arc, store, (fragment) =>
    say(
      `The link asks for “${fragment}”, which is not a step of the story, so the presentation opens at the first step.`,
      9000,
    ),
  );
  const ready = opening !== null;

  // A kiosk starts on its own. Only known once the page has hydrated in the browser.
  const startKiosk = useEffectEvent(() => run({ type: 'kiosk' }));
  useEffect(() => {
    if (ready && autoplay) startKiosk();
  }, [ready, autoplay]);

  useWindowTitle(windowTitle(view, story.title));
  const announcement = useStepAnnouncement(ready ? step : null, (at) =>
    stepAnnouncement(steps[at], steps.length, story),
  );

  const state: PresentationState = useMemo(() => ({ step, blackout, playing, wpm }), [step, blackout, playing, wpm]);
  const audienceHeard = usePresentationSync(view, ready, opening ?? 'default', state, (next) => {
    // One render for the whole message: a half-applied state must never be sent back.
    flushSync(() => run({ type: 'remote', state: next }));
  });

  const act = (action: PresentAction) => run({ type: 'act', action });
  const [shortcuts, setShortcuts] = useShortcutSetting();
  const digits = usePresentationKeys((action) => act(action), { characters: shortcuts });
  useSwipe(root, (gesture) => act({ type: gesture }));
  // The presenter's own window is theirs to work in: its controls never fade.
  useIdleChrome(root, view === 'audience');
  // A kiosk takes a new build of the site between two loops (lib/present/update.ts).
  const kiosk = loop && playing;
  useAutoplay(ready && autoplaying(show, view, audienceHeard), step, dwellMs(steps[step].words, wpm), () => {
    void reloadBetweenLoops(kiosk && step === steps.length - 1).then(
      (reloading) => reloading || run({ type: 'dwell' }),
    );
  });

  const focusMain = useCallback(() => main.current, []);
  const controls: Controls = { act, blackout, playing, wpm, step, total: steps.length };

  return (
    // data-step is a read-only hook for tests and tools (where the presentation is);
    // data-present-text lets the light's tests hide everything drawn over the light.
    <div
      ref={root}
      className={styles.present}
      data-presentation=""
      data-view={view}
      data-step={ready ? step : undefined}
      data-present-text=""
      data-kiosk={kiosk ? '' : undefined}
    >
      {view === 'presenter' ? (
        <>
          <PresenterView
            steps={steps}
            controls={controls}
            announcement={announcement}
            notice={notice}
            digits={digits}
            mainRef={main}
          />
          {/* Paper only: the presenter's window prints the whole story, as the audience's does. */}
          <div className={styles.printSteps} data-print-steps="" dangerouslySetInnerHTML={{ __html: stepsHtml }} />
        </>
      ) : (
        <AudienceView
          story={story}
          steps={steps}
          stepsHtml={stepsHtml}
          controls={controls}
          ready={ready}
          announcement={announcement}
          notice={notice}
          digits={digits}
          mainRef={main}
        />
      )}
      <OverviewDialog
        open={panel === 'overview'}
        steps={steps}
        current={step}
        onJump={(target) => run({ type: 'jump', step: target })}
        onClose={() => run({ type: 'close-panel' })}
        fallback={focusMain}
      />
      <LeaveOffer
        open={leaving}
        anchor={steps[step].anchor}
        onStay={() => run({ type: 'stay' })}
        fallback={focusMain}
      />
      <HelpDialog
        open={panel === 'help'}
        wpm={wpm}
        steps={steps}
        shortcuts={shortcuts}
        onShortcuts={setShortcuts}
        onClose={() => run({ type: 'close-panel' })}
        fallback={focusMain}
      />
      {view === 'audience' && (
        <BlackoutDialog open={blackout} onClose={() => run({ type: 'end-blackout' })} fallback={focusMain} />
      )}
    </div>
  );
}
