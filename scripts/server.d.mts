import type { IncomingMessage, ServerResponse } from 'node:http';
export const ALLOWED_METHODS: string;
export function requestPath(target?: string): { path: string } | { error: string };
export function resolveFile(
  root: string,
  urlPath: string,
): Promise<{ name: string; file: string; stats: import('node:fs').Stats } | undefined>;
export interface HandlerOptions {
  root: string;
  headers?: boolean;
}
export function createHandler(
  options: HandlerOptions,
): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>>;
