/**
 * Finds the tools that check the site's other editions, installing Debian's packages with apt
 * when running as root on Debian and they are missing (as scripts/browser.mjs does for the
 * browsers):
 * - EPUBCheck, the reference validator of EPUB files (Debian's `epubcheck`);
 * - pdftotext, pdftoppm and pdfinfo (Debian's `poppler-utils`), to read the printed PDFs.
 */
import { existsSync } from 'node:fs';
import { aptInstall } from './browser.mjs';

export const PUBLISHING_PACKAGES = ['epubcheck', 'poppler-utils'];

const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
const JAVA = '/usr/bin/java';
const POPPLER = { pdftotext: '/usr/bin/pdftotext', pdftoppm: '/usr/bin/pdftoppm', pdfinfo: '/usr/bin/pdfinfo' };

function locate() {
  // Debian's /usr/bin/epubcheck is the jar itself, run through binfmt_misc, which containers
  // often lack; running the jar with java works everywhere.
  const epubcheck = existsSync(EPUBCHECK_JAR) && existsSync(JAVA) ? [JAVA, '-jar', EPUBCHECK_JAR] : undefined;
  const found = {
    epubcheck,
    ...Object.fromEntries(Object.entries(POPPLER).map(([name, file]) => [name, existsSync(file) ? file : undefined])),
  };
  const missing = Object.entries(found)
    .filter(([, tool]) => !tool)
    .map(([name]) => name);
  return { ...found, missing };
}

/**
 * The command of each tool (EPUBCheck's as an argument list), or undefined; `missing` names
 * what could not be found (after an apt install, when that was possible).
 */
export function findPublishingTools({ install = true } = {}) {
  const found = locate();
  if (found.missing.length === 0 || !install || !aptInstall(PUBLISHING_PACKAGES)) return found;
  return locate();
}
