/**
 * Finds a Chromium for Playwright: Debian's /usr/bin/chromium where present (installing
 * it with apt when running as root on Debian and it is missing), else Playwright's own.
 * Prints nothing and returns undefined when Playwright's bundled browser should be used.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function findChromium({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium with apt-get (running as root)...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
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
