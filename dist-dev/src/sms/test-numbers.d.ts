import type { MfaConfig } from '../config/mfa-config';
export declare function testNumberCode(config: Pick<MfaConfig, 'testNumbers' | 'testNumbersValidUntil'>, e164: string, now: Date): string | undefined;
