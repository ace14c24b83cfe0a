/**
 * Finds the browsers the tests drive, installing Debian's packages with apt when running as
 * root on Debian and they are missing:
 * - Chromium for Playwright: /usr/bin/chromium where present, else Playwright's own
 *   (findChromium prints nothing and returns undefined when Playwright's should be used);
 * - Firefox ESR and WebKitGTK (WebKitWebDriver + MiniBrowser) for the other engines' tests,
 *   with xvfb-run to give them a display.
 */
import { existsSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB_RUN = '/usr/bin/xvfb-run';
const XAUTH = '/usr/bin/xauth';
/** What the Firefox and WebKit tests need from Debian, installed together in one apt run. */
export const ENGINE_PACKAGES = ['firefox-esr', 'webkit2gtk-driver', 'xvfb', 'xauth'];

const canApt = () =>
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  existsSync('/etc/debian_version') &&
  existsSync('/usr/bin/apt-get');

/** Installs Debian packages with apt-get; true when it could try (root on Debian). */
export function aptInstall(packages) {
  if (!canApt()) return false;
  console.log(`Installing ${packages.join(' ')} with apt-get (running as root)...`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, {
    stdio: 'inherit',
  });
  return true;
}

export function findChromium({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (install && aptInstall(['chromium']) && existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return undefined;
}

/** Flags for headless Chromium here: WebGL in SwiftShader, and no calls home. */
export const chromiumArgs = [
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * WebKitGTK's MiniBrowser is not on PATH: it lives in the library's own folder, whose name
 * carries the API version (webkit2gtk-4.0, webkit2gtk-4.1, webkitgtk-6.0), newest first.
 */
function findMiniBrowser() {
  if (process.env.MINIBROWSER_PATH && existsSync(process.env.MINIBROWSER_PATH)) return process.env.MINIBROWSER_PATH;
  const roots = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib'];
  for (const root of roots.filter(existsSync)) {
    const dirs = readdirSync(root)
      .filter((d) => /^webkit(2)?gtk-\d/.test(d))
      .sort()
      .reverse();
    for (const dir of dirs) {
      const file = path.join(root, dir, 'MiniBrowser');
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

function locateEngines() {
  const firefox = process.env.FIREFOX_PATH ?? DEBIAN_FIREFOX;
  const found = {
    firefox: existsSync(firefox) ? firefox : undefined,
    webkitDriver: existsSync(WEBKIT_DRIVER) ? WEBKIT_DRIVER : undefined,
    miniBrowser: findMiniBrowser(),
    xvfbRun: existsSync(XVFB_RUN) && existsSync(XAUTH) ? XVFB_RUN : undefined,
  };
  const missing = Object.entries(found)
    .filter(([, file]) => !file)
    .map(([name]) => name);
  return { ...found, missing };
}

/**
 * Firefox ESR, WebKitWebDriver with its MiniBrowser, and xvfb-run. `missing` names what
 * could not be found (after an apt install, when that was possible).
 */
export function findEngines({ install = true } = {}) {
  const found = locateEngines();
  if (found.missing.length === 0 || !install || !aptInstall(ENGINE_PACKAGES)) return found;
  return locateEngines();
}
