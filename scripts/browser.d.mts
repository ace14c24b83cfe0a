export function findChromium(options?: { install?: boolean }): string | undefined;
export const chromiumArgs: string[];
