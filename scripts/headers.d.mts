export interface PageHashes {
  scriptHashes?: string[];
  styleHashes?: string[];
  styleAttributeHashes?: string[];
}
export function baseDirectives(): [string, string[]][];
export function contentSecurityPolicy(hashes?: PageHashes, options?: { meta?: boolean }): string;
export const CONTENT_SECURITY_POLICY: string;
export const HOST_POLICY: string;
export function commonHeaders(): Record<string, string>;
export function securityHeaders(policy?: string): Record<string, string>;
export const POLICY_FILE: string;
export function policyForFile(root: string, file: string): string | undefined;
