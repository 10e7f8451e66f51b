export declare function generateRecoveryCode(): string;
export declare function normalizeRecoveryCode(input: string): string | undefined;
