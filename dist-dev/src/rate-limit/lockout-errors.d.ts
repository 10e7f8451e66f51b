import { MfaError } from '../common/mfa-error';
export declare function guessRefused(limit: string, run: {
    failures: number;
    lockedUntil?: Date;
}, hardLimit: number, now: Date): MfaError;
