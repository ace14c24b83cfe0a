/** Where the reader is, in a bar: centred on one line, cut short with an ellipsis when the bar is narrow. */
export const place = 'min-w-0 flex-1 truncate text-center tracking-[0.04em]';
