export function normalisePunctuation(text: string): string;
export function manuscriptParagraphs(): string[];
export function manuscriptMismatch(rendered: string[]): string | undefined;
