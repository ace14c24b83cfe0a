#!/usr/bin/env node
/**
 * Proves that the engine is not this story: in a copy of the project with another story in place of
 * `scenes/story.md`, the engine's unit tests pass, `npm run build` (post-build steps included) succeeds,
 * and `/`, `/read` and `/present` tell the other story, title and every paragraph, and nothing of
 * "Come Home". `npm test` runs it after the unit tests.
 *
 * The copy is the project's tracked files (`git ls-files`, as they are in the work tree) in a temporary
 * folder next to the project, with `node_modules` hard-linked from the project's: no install, and on the
 * same file system no copying of data (a symlink would do, but it points outside the copy's root, and
 * Turbopack then fails: "Could not find the Next.js package"). The folder is removed at the end, pass or fail.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalisePunctuation as plain } from '../e2e-engines/manuscript.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ANOTHER_STORY = 'scenes/fixtures/another-story.md';
const STORY_FILE = 'scenes/story.md';
const THIS_TITLE = 'Come Home';
const PAGES = ['index.html', 'read.html', 'present.html'];
/** The unit tests of the engine; `scenes/story.test.ts` is about this story, and is the one left out. */
const ENGINE_TESTS = ['scenes/', 'lib/', 'components/'];

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs a command in `cwd`, its output shown only when it fails, and stops the script then. */
function run(label, command, args, cwd) {
  const at = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error}\n` : ''}`);
    throw new Error(`${label} failed (${command} ${args.join(' ')}, exit ${result.status ?? result.signal})`);
  }
  console.log(`another story: ${label} passed in ${seconds(at)}`);
  return result.stdout;
}

/**
 * The paragraphs of a story file, read without the engine's parser, as an author sees them: the
 * note's blocks, then each run of text lines between blank lines and `::` marks, emphasis unmarked.
 */
function paragraphsOf(source) {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  if (body === undefined) throw new Error(`${ANOTHER_STORY} has no front matter`);
  const note = (/^note: \|\n((?:(?: {2}.*)?(?:\n|$))*)/m.exec(front)?.[1] ?? '').replace(/^ {2}/gm, '');
  // A `::` mark ends a paragraph, as a blank line does.
  const blocks = (text) =>
    text
      .replace(/^::.*$/gm, '')
      .split(/\n\s*\n/)
      .map((p) => plain(p.replace(/\*/g, '')))
      .filter(Boolean);
  return [...blocks(note), ...blocks(body)];
}

/** A page's text as a reader gets it: no tags, scripts or styles, character references decoded. */
function textOf(html) {
  const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  const text = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (ref, body) => {
      if (body[0] !== '#') return NAMED[body] ?? ref;
      return String.fromCodePoint(body[1].toLowerCase() === 'x' ? parseInt(body.slice(2), 16) : Number(body.slice(1)));
    });
  return plain(text);
}

/** The files of the build a reader or a crawler reads as text, precompressed copies aside. */
const TEXT_FILE = /\.(html|txt|xml|json|webmanifest|js|css|svg)$|(^|\/)_headers$/;

function checkBuild(out, source) {
  const title = plain(/^title: (.*)$/m.exec(source)?.[1] ?? '');
  const paragraphs = paragraphsOf(source);
  const problems = [];
  for (const page of PAGES) {
    const text = textOf(readFileSync(path.join(out, page), 'utf8'));
    if (!text.includes(title)) problems.push(`${page}: no title "${title}"`);
    let at = 0;
    for (const paragraph of paragraphs) {
      const found = text.indexOf(paragraph, at);
      if (found < 0) problems.push(`${page}: missing, or out of order: "${paragraph}"`);
      else at = found + paragraph.length;
    }
  }
  // The title, or a file named after it (`come-home.epub`); mood keys and storage keys are the engine's.
  const slug = THIS_TITLE.toLowerCase().replace(/ /g, '-');
  for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    if (path.basename(file).startsWith(slug)) problems.push(`${file}: named after "${THIS_TITLE}"`);
    else if (
      TEXT_FILE.test(file) &&
      readFileSync(path.join(out, file), 'utf8').toLowerCase().includes(THIS_TITLE.toLowerCase())
    ) {
      problems.push(`${file}: names "${THIS_TITLE}"`);
    }
  }
  const books = readdirSync(out).filter((f) => f.endsWith('.epub'));
  if (books.length !== 1 || !readFileSync(path.join(out, 'read.html'), 'utf8').includes(`href="/${books[0]}"`)) {
    problems.push(`the build has ${books.length} EPUB files (${books.join(', ')}), not one that /read links to`);
  }
  if (problems.length > 0) throw new Error(`the build does not tell the other story:\n${problems.join('\n')}`);
  console.log(
    `another story: ${PAGES.join(', ')} hold "${title}" and its ${paragraphs.length} paragraphs; ` +
      `nothing in out/ names "${THIS_TITLE}"; the book is ${books[0]}`,
  );
}

const copy = mkdtempSync(path.join(path.dirname(root), `.${path.basename(root)}-another-story-`));
let failed = false;
try {
  const tracked = run('listing the tracked files', 'git', ['ls-files', '-z'], root).split('\0').filter(Boolean);
  let at = Date.now();
  for (const file of tracked) {
    // A tracked file deleted in the work tree is not part of the project any more.
    if (!existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(copy, file));
  }
  copyFileSync(path.join(root, ANOTHER_STORY), path.join(copy, STORY_FILE));
  run('linking node_modules', 'cp', ['-al', path.join(root, 'node_modules'), copy], root);
  // Caches written in place would write through the hard links into the project's own.
  for (const cache of ['.vite', '.cache'])
    rmSync(path.join(copy, 'node_modules', cache), { recursive: true, force: true });
  console.log(`another story: ${tracked.length} files copied to ${copy} in ${seconds(at)}`);

  const unit = run(
    'the engine unit tests',
    'npx',
    ['vitest', 'run', ...ENGINE_TESTS, '--exclude', 'scenes/story.test.ts'],
    copy,
  );
  console.log(`another story: ${/Tests\s+(.*)/.exec(unit.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? ''}`);
  run('npm run build', 'npm', ['run', 'build'], copy);
  checkBuild(path.join(copy, 'out'), readFileSync(path.join(copy, STORY_FILE), 'utf8'));
} catch (error) {
  failed = true;
  console.error(`another story: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
console.log(`another story: ${failed ? 'FAILED' : 'passed'} in ${seconds(started)}`);
process.exit(failed ? 1 : 0);
