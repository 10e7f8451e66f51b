export declare const BUILT_IN_TEMPLATES: Readonly<Record<string, string>>;
export declare const DEFAULT_LOCALE = "en";
