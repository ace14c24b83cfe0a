'use client';

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { actionForKey, isActivationKey, isToggle, type KeyOptions, type PresentAction } from '@/lib/present/keys';

/** Where typing belongs to a field, never to the presentation. */
function isEditable(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(el.type);
}

/** Controls that answer Enter and Space themselves (a click). */
function isActivatable(el: Element | null): boolean {
  return !!el?.closest('button, a[href], summary, [role="button"], [role="link"], input, select, textarea');
}

/** How long typed digits wait for their Enter. */
const DIGITS_MS = 3000;

/**
 * The presentation's keyboard driver. It listens on the document and only for keys it
 * has a use for, so Tab, browser shortcuts and a screen reader's browse mode (which
 * keeps its keys to itself) are untouched. `onAction` decides what an action means in
 * the current state, and says whether it used the key (then the browser's default,
 * such as scrolling on Space, is prevented).
 *
 * `options` are the reader's (single-character shortcuts on or off), read at each key.
 * Returns the digits typed so far for a jump, for display.
 */
export function usePresentationKeys(
  onAction: (action: PresentAction, event: KeyboardEvent) => boolean,
  options: KeyOptions,
): string {
  const [digits, setDigits] = useState('');
  const typed = useRef('');
  const handle = useEffectEvent(onAction);
  const currentOptions = useEffectEvent(() => options);

  useEffect(() => {
    let timer = 0;
    const setTyped = (next: string) => {
      typed.current = next;
      setDigits(next);
      window.clearTimeout(timer);
      if (next) timer = window.setTimeout(() => setTyped(''), DIGITS_MS);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      if (isEditable(target)) return;
      if (isActivationKey(event.key) && !typed.current && isActivatable(target)) return;
      const { action, digits: next } = actionForKey(event, typed.current, currentOptions());
      if (next !== typed.current) setTyped(next);
      if (!action || (event.repeat && isToggle(action))) return;
      if (handle(action, event)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.clearTimeout(timer);
    };
  }, []);

  return digits;
}
