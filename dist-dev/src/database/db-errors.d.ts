export declare function isDatabaseUnavailable(err: unknown): boolean;
