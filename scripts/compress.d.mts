export const MIN_SIZE: number;
export function compressDir(root: string): { files: number; bytes: number; brotli: number; gzip: number };
