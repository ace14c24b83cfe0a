import type { Span } from '@/scenes/types';

/** A paragraph's runs of text, with the author's emphasis kept. */
export function Spans({ spans }: { spans: Span[] }) {
  return spans.map((span, i) => (span.em ? <em key={i}>{span.text}</em> : span.text));
}
