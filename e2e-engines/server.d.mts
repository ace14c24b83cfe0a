export const RECORDER_PATH: string;
export function injectRecorder(html: string): string;
export function startServer(options?: {
  root?: string;
  port?: number;
}): Promise<{ url: string; close: () => Promise<void> }>;
