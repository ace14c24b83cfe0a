import { samePosition, START, type Position } from './position';

type Listener = (position: Position) => void;

/**
 * The one piece of state: where the reader is. Drivers (scroll, keys, links, resize)
 * write it; the light, the chrome and the text read it. It is a plain subscribable value
 * rather than React state so that a scroll frame does not re-render the page.
 */
export interface PositionStore {
  get(): Position;
  set(position: Position): void;
  subscribe(listener: Listener): () => void;
}

export function createPositionStore(initial: Position = START): PositionStore {
  let current = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => current,
    set(position) {
      if (samePosition(position, current, 1e-5)) return;
      current = position;
      for (const listener of listeners) listener(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
