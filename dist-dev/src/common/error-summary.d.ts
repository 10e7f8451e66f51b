export declare function errorSummary(err: unknown): string;
