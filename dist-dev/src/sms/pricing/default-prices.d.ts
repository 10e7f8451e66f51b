export declare const DEFAULT_PRICE_TABLE: Record<string, Record<string, number>>;
