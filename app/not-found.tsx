import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <main className="grid min-h-svh place-content-center px-5 py-8 text-center text-[1.2rem]">
      {/* In small capitals, as /read's labels, not uppercase, which some voices spell. */}
      <p className="font-display text-[0.936em] leading-[1.25] tracking-[0.14em] text-ink-soft [font-variant-caps:all-small-caps]">
        404
      </p>
      <h1 className="mx-0 mt-[0.35em] mb-[0.3em] font-display text-[clamp(2.6rem,1.8rem+4vw,4.5rem)] leading-[1.05] font-[380] tracking-[-0.01em]">
        This page isn’t here
      </h1>
      <p>The story is still where it was.</p>
      <nav aria-label="Ways back" className="mt-6 flex justify-center gap-6 font-display">
        <Link href="/" className="text-accent">
          Read it in light
        </Link>
        {/* A plain link, for the text edition without the framework (scripts/strip-runtime.mjs). */}
        <a href="/read" className="text-accent">
          Read it as text
        </a>
      </nav>
    </main>
  );
}
