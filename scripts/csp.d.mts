export interface PagePolicies {
  header: string;
  meta: string;
  inline: { scripts: number; styles: number; styleAttributes: number };
}
export function hashSource(text: string): string;
export function decodeAttribute(value: string): string;
export function inlineContent(html: string): {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
  handlers: string[];
};
export function withMetaPolicy(html: string, policy: string): string;
export function urlPaths(file: string): string[];
export function pagePolicies(html: string): PagePolicies;
export function applyCsp(root: string): Record<string, PagePolicies & { paths: string[] }>;
