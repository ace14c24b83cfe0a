export const PUBLISHING_PACKAGES: string[];
export interface PublishingTools {
  /** EPUBCheck's command, as an argument list. */
  epubcheck?: string[];
  pdftotext?: string;
  pdftoppm?: string;
  pdfinfo?: string;
  missing: string[];
}
export function findPublishingTools(options?: { install?: boolean }): PublishingTools;
