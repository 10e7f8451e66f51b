export declare function named(text: string, values: Record<string, unknown>): {
    text: string;
    params: unknown[];
};
