export const RUNTIME_FREE_ROUTES: string[];
export function stripRuntime(html: string): string;
export function stripRoutes(root: string, routes?: readonly string[]): { pages: string[]; removed: string[] };
