import { describe, expect, it } from 'vitest';
import { isOurs } from './ours';

const origin = 'https://come-home.example';

function errorWithStack(stack: string) {
  const error = new Error('broken');
  error.stack = stack;
  return error;
}

describe('isOurs', () => {
  it('answers an error thrown in one of our scripts, by its address or by its stack', () => {
    expect(isOurs(origin, new Error('x'), `${origin}/_next/static/chunks/a.js`)).toBe(true);
    expect(isOurs(origin, errorWithStack(`Error: broken\n    at f (${origin}/_next/static/chunks/a.js:1:2)`))).toBe(
      true,
    );
    // Firefox's and WebKit's stacks name the script the same way.
    expect(isOurs(origin, errorWithStack(`f@${origin}/_next/static/chunks/a.js:1:2`))).toBe(true);
  });

  it('leaves alone what is not ours: an extension, another origin, a value that is not an error', () => {
    expect(isOurs(origin, new Error('x'), 'chrome-extension://abc/content.js')).toBe(false);
    expect(isOurs(origin, errorWithStack('Error\n    at https://cdn.example/x.js:1:1'))).toBe(false);
    expect(isOurs(origin, 'a string')).toBe(false);
    expect(isOurs(origin, undefined, '')).toBe(false);
  });
});
