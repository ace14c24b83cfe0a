import { describe, expect, it, vi } from 'vitest';
import { createPositionStore } from './store';

describe('createPositionStore', () => {
  it('notifies subscribers of changes only, until they unsubscribe', () => {
    const store = createPositionStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.set({ scene: 0, beat: 0, progress: 0 });
    expect(listener).not.toHaveBeenCalled();
    store.set({ scene: 1, beat: 2, progress: 0.5 });
    expect(listener).toHaveBeenCalledWith({ scene: 1, beat: 2, progress: 0.5 });
    expect(store.get()).toEqual({ scene: 1, beat: 2, progress: 0.5 });
    unsubscribe();
    store.set({ scene: 2, beat: 0, progress: 0 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('notifies a step to another beat of the same scene, and not a move smaller than it notices', () => {
    const store = createPositionStore({ scene: 1, beat: 0, progress: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.set({ scene: 1, beat: 1, progress: 0 });
    expect(listener).toHaveBeenLastCalledWith({ scene: 1, beat: 1, progress: 0 });
    store.set({ scene: 1, beat: 1, progress: 0.000001 });
    expect(listener).toHaveBeenCalledTimes(1);
    store.set({ scene: 1, beat: 1, progress: 0.00005 });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
