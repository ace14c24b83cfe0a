'use client';

import { useEffect, useEffectEvent, type RefObject } from 'react';

/** Whether an element can take focus back: still in the page, shown and not inert. */
function canFocus(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement) || el === document.body || !el.isConnected) return false;
  if (el.closest('[inert], [hidden]')) return false;
  return el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0;
}

/**
 * Moves focus to `el`, or to `fallback` when `el` is gone, hidden or inert: focus is
 * never left on nothing.
 */
export function restoreFocus(el: Element | null, fallback: () => HTMLElement | null) {
  const target = canFocus(el) ? el : fallback();
  target?.focus({ preventScroll: true });
}

/**
 * Shows a native <dialog> as a modal while `open`: the browser makes the rest of the page
 * inert and keeps Tab inside it. Focus goes to `initialFocus` (or the dialog itself) and
 * comes back, on closing, to where it was before, or to `fallback` if that is gone.
 * Escape and other close requests go through `onClose`, so the state stays the owner.
 */
export function useModalDialog(
  ref: RefObject<HTMLDialogElement | null>,
  open: boolean,
  onClose: () => void,
  fallback: () => HTMLElement | null,
  initialFocus?: () => HTMLElement | null,
) {
  const close = useEffectEvent(() => onClose());
  const fallbackNow = useEffectEvent(() => fallback());
  const focusFirst = useEffectEvent(() => initialFocus?.() ?? null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnTo = document.activeElement;
    if (!dialog.open) dialog.showModal();
    // Focus scrolls its target into view: the current step may be far down a long list.
    (focusFirst() ?? dialog).focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      restoreFocus(returnTo, () => fallbackNow());
    };
  }, [ref, open]);
}
