import type { ReactNode } from 'react';
import type { PresentationView } from '@/lib/drivers/presentationChannel';
import type { Controls } from '@/lib/present/controls';

interface ButtonProps {
  label: string;
  /** A symbol before the word (after it with `trailing`), hidden from screen readers. */
  symbol?: ReactNode;
  trailing?: boolean;
  className?: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  dialog?: boolean;
}

/** The word is its own span: a small screen keeps only the symbols of the audience's row, the words stay for screen readers. */
function ControlButton({ label, symbol, trailing, className, onClick, disabled, pressed, dialog }: ButtonProps) {
  const mark = symbol && <span aria-hidden="true">{symbol}</span>;
  return (
    <button
      type="button"
      className={className ? `present-button ${className}` : 'present-button'}
      aria-disabled={disabled || undefined}
      aria-pressed={pressed}
      aria-haspopup={dialog ? 'dialog' : undefined}
      onClick={onClick}
    >
      {!trailing && mark}
      <span className="present-button__label">{label}</span>
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
      <ControlButton label="Previous" symbol="‹" disabled={step === 0} onClick={() => act({ type: 'prev' })} />
      <ControlButton
        label="Next"
        symbol="›"
        trailing
        className={presenter ? 'present-button--primary' : undefined}
        disabled={step === total - 1}
        onClick={() => act({ type: 'next' })}
      />
      <ControlButton
        label="Autoplay"
        symbol={!presenter && (playing ? '❚❚' : '▶')}
        pressed={playing}
        onClick={() => act({ type: 'play' })}
      />
      {presenter && (
        <>
          <ControlButton label="Slower" onClick={() => act({ type: 'pace', direction: -1 })} />
          <ControlButton label="Faster" onClick={() => act({ type: 'pace', direction: 1 })} />
          <ControlButton label="Black out" pressed={blackout} onClick={() => act({ type: 'blackout' })} />
        </>
      )}
      <ControlButton label="Overview" symbol={!presenter && '☰'} dialog onClick={() => act({ type: 'overview' })} />
      <ControlButton label="Help" symbol={!presenter && '?'} dialog onClick={() => act({ type: 'help' })} />
    </>
  );
  return presenter ? (
    <nav className="presenter__controls" aria-label="Presentation">
      {buttons}
    </nav>
  ) : (
    <div className="present-nav__controls" data-needs-js="">
      {buttons}
    </div>
  );
}
