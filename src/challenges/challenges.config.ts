import { randomBytes } from 'node:crypto';
import { int, text } from '../config/env-rules';
import type { CoreSettings } from '../config/core.settings';
import { defineSettings, keyOrGenerated } from '../config/settings';
import type { PhoneSettings } from '../phone/phone.config';
import type { RateLimitSettings } from '../rate-limit/rate-limit.config';

/** The one-time codes: their shape, life and hashing key. */
export interface ChallengeSettings {
  codeLength: number;
  codeValidityMinutes: number;
  maxAttempts: number;
  codeSecret: string;
}

export const CHALLENGE_SETTINGS = defineSettings<ChallengeSettings, CoreSettings & PhoneSettings>({
  title: 'Codes',
  fields: {
    codeLength: { env: 'SMS_CODE_LENGTH', rule: int(4, 10), default: 6, doc: 'digits per code' },
    codeValidityMinutes: {
      env: 'SMS_CODE_VALIDITY_MINUTES',
      rule: int(1, 10),
      default: 10,
      doc: 'how long a code lives (NIST SP 800-63B / OWASP ASVS cap)',
    },
    maxAttempts: { env: 'SMS_MAX_ATTEMPTS', rule: int(1, 10), default: 3, doc: 'wrong guesses before a code is dead' },
    codeSecret: {
      env: 'SMS_CODE_SECRET',
      rule: text(/^.{32,}$/, 'a string of at least 32 characters'),
      secret: true,
      defaultDoc: 'generated (development; the demo keeps it in `DATA_DIR/dev-keys.json`)',
      doc: 'HMAC key for code hashes. **Required in production**',
    },
  },
  check(c, problems, warnings) {
    const generate = () => randomBytes(32).toString('base64url');
    c.codeSecret = keyOrGenerated(c.codeSecret, { production: c.production, variable: 'SMS_CODE_SECRET', generate, lost: 'codes' }, problems, warnings);
    for (const code of Object.values(c.testNumbers ?? {})) {
      if (code.length !== c.codeLength) problems.push(`SMS_TEST_NUMBERS codes must have SMS_CODE_LENGTH (${c.codeLength}) digits`);
    }
  },
});

/** The settings the challenges feature reads: its slice of the configuration (provided with configSlice). */
export const CHALLENGES_CONFIG = Symbol('CHALLENGES_CONFIG');
export const CHALLENGES_CONFIG_KEYS = [
  'codeLength',
  'codeSecret',
  'codeValidityMinutes',
  'maxAttempts',
  'verifyFailureThreshold',
  'verifyFailureHardLimit',
  'cooldownMinutes',
  'hourlyLimit',
  'dailyLimit',
  'ipHourlyLimit',
  'progressiveCooldown',
  'cooldownMaxMinutes',
  'enrollNumberHourlyLimit',
  'enrollNumberDailyLimit',
  'enrollNumberTotalHourlyLimit',
  'enrollNumberTotalDailyLimit',
] as const;
export type ChallengesConfig = Pick<ChallengeSettings & RateLimitSettings, (typeof CHALLENGES_CONFIG_KEYS)[number]>;
