/**
 * Waits for a value to settle: each new value restarts the wait, and only the value that
 * stays for `ms` is passed on. The presentation announces the step a reader stops on,
 * not every step paged through on the way there.
 */

export interface Settler<T> {
  /** A new value: the wait starts again. */
  push(value: T): void;
  /** Drops the value waiting, if any. */
  cancel(): void;
}

export function settle<T>(ms: number, onSettled: (value: T) => void): Settler<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    push(value) {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        onSettled(value);
      }, ms);
    },
    cancel,
  };
}
