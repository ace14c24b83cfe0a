export const SERVICE_WORKER: string;
export const PRECACHE_PATTERNS: string[];
export const PRECACHE_IGNORES: string[];
export function writeServiceWorker(root: string): Promise<{ count: number; size: number; warnings: string[] }>;
export function headFromPrecache(options: { url: URL; request: Request }): Promise<Response>;
export function workerBootstrapFromPrecache(event: {
  request: Request;
  respondWith(response: Promise<Response>): void;
  stopImmediatePropagation(): void;
}): void;
