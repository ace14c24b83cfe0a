export function findChromium(options?: { install?: boolean }): string | undefined;
export const chromiumArgs: string[];
export const ENGINE_PACKAGES: string[];
export interface Engines {
  firefox?: string;
  webkitDriver?: string;
  miniBrowser?: string;
  xvfbRun?: string;
  missing: string[];
}
export function findEngines(options?: { install?: boolean }): Engines;
export function aptInstall(packages: string[]): boolean;
