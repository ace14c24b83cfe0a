import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <main className="not-found">
      <p className="edition__kicker">404</p>
      <h1 className="edition__title">This page isn’t here</h1>
      <p>The story is still where it was.</p>
      <nav aria-label="Ways back">
        <Link href="/">Read it in light</Link>
        {/* A plain link, for the text edition without the framework (scripts/strip-runtime.mjs). */}
        <a href="/read">Read it as text</a>
      </nav>
    </main>
  );
}
