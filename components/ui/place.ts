/**
 * Where the reader is, in a bar: centred, on one line while the bar has room, wrapping onto
 * another when it has not (large text, a narrow bar), never cut short.
 */
export const place = 'min-w-0 flex-1 text-center tracking-[0.04em] [overflow-wrap:anywhere] [text-wrap:balance]';
