export declare function negotiateLocale(preferences: (string | undefined)[], available: Iterable<string>, fallback: string): string;
export declare function parseAcceptLanguage(value: string): string[];
