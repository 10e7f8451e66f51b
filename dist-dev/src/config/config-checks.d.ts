import type { ConfigWarning, MfaConfig } from './mfa-config';
export declare const TEST_NUMBERS_MAX_DAYS = 90;
export declare function checkCombinations(c: Partial<MfaConfig>, problems: string[], warnings: ConfigWarning[]): void;
