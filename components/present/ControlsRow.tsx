import type { ReactNode } from 'react';
import type { PresentationView } from '@/lib/drivers/presentationChannel';
import type { Controls } from '@/lib/present/controls';
import button from '../ui/Button.module.css';
import styles from './ControlsRow.module.css';

interface ButtonProps {
  label: string;
  /** A symbol before the word (after it with `trailing`), hidden from screen readers. */
  symbol?: ReactNode;
  trailing?: boolean;
  /** The audience's row: on a small screen only the symbol shows. */
  narrow?: boolean;
  primary?: boolean;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  dialog?: boolean;
}

/** The word is its own span: a small screen keeps only the symbols of the audience's row, the words stay for screen readers. */
function ControlButton({ label, symbol, trailing, narrow, primary, onClick, disabled, pressed, dialog }: ButtonProps) {
  const mark = symbol && <span aria-hidden="true">{symbol}</span>;
  return (
    <button
      type="button"
      className={button.button}
      data-narrow={narrow ? 'symbol' : undefined}
      data-primary={primary ? '' : undefined}
      aria-disabled={disabled || undefined}
      aria-pressed={pressed}
      aria-haspopup={dialog ? 'dialog' : undefined}
      onClick={onClick}
    >
      {!trailing && mark}
      <span className={narrow ? 'phone:sr-only' : undefined}>{label}</span>
      {trailing && mark}
    </button>
  );
}

/**
 * The presentation's buttons, the same actions as the keys. The audience's row is quiet:
 * the moves, autoplay and the panels, each with its symbol, inside the page's navigation.
 * The presenter's is its own navigation and has the rest (the pace, the blackout), in
 * words, with Next standing out.
 */
export function ControlsRow({ controls, view }: { controls: Controls; view: PresentationView }) {
  const { act, step, total, playing, blackout } = controls;
  const presenter = view === 'presenter';
  const buttons = (
    <>
      <ControlButton
        narrow={!presenter}
        label="Previous"
        symbol="‹"
        disabled={step === 0}
        onClick={() => act({ type: 'prev' })}
      />
      <ControlButton
        narrow={!presenter}
        label="Next"
        symbol="›"
        trailing
        primary={presenter}
        disabled={step === total - 1}
        onClick={() => act({ type: 'next' })}
      />
      <ControlButton
        narrow={!presenter}
        label="Autoplay"
        symbol={!presenter && (playing ? '❚❚' : '▶')}
        pressed={playing}
        onClick={() => act({ type: 'play' })}
      />
      {presenter && (
        <>
          <ControlButton narrow={!presenter} label="Slower" onClick={() => act({ type: 'pace', direction: -1 })} />
          <ControlButton narrow={!presenter} label="Faster" onClick={() => act({ type: 'pace', direction: 1 })} />
          <ControlButton
            narrow={!presenter}
            label="Black out"
            pressed={blackout}
            onClick={() => act({ type: 'blackout' })}
          />
        </>
      )}
      <ControlButton
        narrow={!presenter}
        label="Overview"
        symbol={!presenter && '☰'}
        dialog
        onClick={() => act({ type: 'overview' })}
      />
      <ControlButton
        narrow={!presenter}
        label="Help"
        symbol={!presenter && '?'}
        dialog
        onClick={() => act({ type: 'help' })}
      />
    </>
  );
  return presenter ? (
    <nav className={styles.presenter} aria-label="Presentation">
      {buttons}
    </nav>
  ) : (
    <div className={styles.audience} data-needs-js="">
      {buttons}
    </div>
  );
}
