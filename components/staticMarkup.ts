import { isValidElement, type ReactNode } from 'react';

/**
 * Renders a tree of plain components (no hooks, no context, no client components) to
 * HTML, as `react-dom/server`'s `renderToStaticMarkup` would; Next does not let a Server
 * Component import that. The story's text goes to the client as this one string, set
 * with `dangerouslySetInnerHTML`: hydration adopts the server's nodes instead of walking
 * thousands of them, and the client never re-creates the text. `staticMarkup.test.tsx`
 * compares the output with React's own on the whole story.
 */
export function staticMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return escape(String(node));
  if (Array.isArray(node)) return node.map(staticMarkup).join('');
  if (!isValidElement<Record<string, unknown>>(node)) throw new Error(`staticMarkup: cannot render ${typeof node}`);
  const { type, props } = node;
  if (typeof type === 'function') return staticMarkup((type as (p: typeof props) => ReactNode)(props));
  if (typeof type !== 'string') return staticMarkup(props.children as ReactNode); // Fragment
  const attributes = Object.entries(props)
    .map(([name, value]) => attribute(name, value))
    .join('');
  return VOID.has(type)
    ? `<${type}${attributes}/>`
    : `<${type}${attributes}>${staticMarkup(props.children as ReactNode)}</${type}>`;
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr']);
const RENAMED: Record<string, string> = { className: 'class', htmlFor: 'for', tabIndex: 'tabindex' };
const BOOLEAN = new Set(['hidden', 'inert', 'disabled', 'open', 'download']);

function attribute(name: string, value: unknown): string {
  if (name === 'children' || name === 'key' || value === undefined || value === null) return '';
  if (typeof value === 'function' || typeof value === 'object') {
    throw new Error(`staticMarkup: the ${name} attribute cannot be rendered to static HTML`);
  }
  // data-* and aria-* keep false as a word; other attributes drop it.
  const keepsFalse = name.startsWith('data-') || name.startsWith('aria-');
  if (BOOLEAN.has(name)) return value ? ` ${name}=""` : '';
  if (value === false && !keepsFalse) return '';
  return ` ${RENAMED[name] ?? name}="${escape(String(value))}"`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
