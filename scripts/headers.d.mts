export const CONTENT_SECURITY_POLICY: string;
export function securityHeaders(): Record<string, string>;
