import { randomBytes } from 'node:crypto';
import type { ChallengeSettings } from '../challenges/challenges.config';
import type { CoreSettings } from '../config/core.settings';
import { bool, hexKeyList, int, text } from '../config/env-rules';
import { defineSettings, keyOrGenerated } from '../config/settings';
import type { PhoneSettings } from '../phone/phone.config';
import type { RateLimitSettings } from '../rate-limit/rate-limit.config';
import type { SmsSettings } from '../sms/sms.config';

/** The factors: TOTP sealing keys and lockouts, and the removal policy. */
export interface FactorSettings {
  encryptionKey: string;
  /** Keys that encrypted TOTP secrets before the current one: still read, never written. */
  previousEncryptionKeys: string[];
  /** Consecutive wrong TOTP codes before each further one imposes a growing wait. */
  totpFailureThreshold: number;
  /** Consecutive wrong TOTP codes at which TOTP stops until another factor succeeds or an admin resets it. */
  totpFailureHardLimit: number;
  /** Host policy: may a user remove their last verified factor? */
  allowRemovingLastFactor: boolean;
}

export const FACTOR_SETTINGS = defineSettings<FactorSettings, CoreSettings>({
  title: 'Factors',
  fields: {
    encryptionKey: {
      env: 'MFA_ENCRYPTION_KEY',
      rule: text(/^[0-9a-fA-F]{64}$/, 'a 256-bit key as 64 hexadecimal characters'),
      secret: true,
      defaultDoc: 'generated (development; the demo keeps it in `DATA_DIR/dev-keys.json`)',
      doc: 'the AES-256 key that seals TOTP secrets. **Required in production**',
    },
    previousEncryptionKeys: {
      env: 'MFA_ENCRYPTION_PREVIOUS_KEYS',
      rule: hexKeyList(),
      default: [],
      secret: true,
      doc: 'older keys (comma-separated) that still decrypt TOTP secrets; re-sealed with the current key on use',
    },
    totpFailureThreshold: {
      env: 'MFA_TOTP_FAILURE_THRESHOLD',
      rule: int(1, 1000),
      default: 5,
      doc: 'consecutive wrong TOTP codes before waits (30 s doubling, up to 1 h)',
    },
    totpFailureHardLimit: {
      env: 'MFA_TOTP_FAILURE_HARD_LIMIT',
      rule: int(2, 100_000),
      default: 100,
      doc: 'consecutive wrong TOTP codes at which TOTP stops until another factor succeeds or an admin resets it',
    },
    allowRemovingLastFactor: {
      env: 'MFA_ALLOW_REMOVING_LAST_FACTOR',
      rule: bool(),
      default: false,
      doc: 'host policy for removing the last verified factor',
    },
  },
  check(c, problems, warnings) {
    const generate = () => randomBytes(32).toString('hex');
    c.encryptionKey = keyOrGenerated(c.encryptionKey, { production: c.production, variable: 'MFA_ENCRYPTION_KEY', generate, lost: 'TOTP secrets' }, problems, warnings);
    if ((c.totpFailureHardLimit ?? 0) <= (c.totpFailureThreshold ?? 0))
      problems.push('MFA_TOTP_FAILURE_HARD_LIMIT must be greater than MFA_TOTP_FAILURE_THRESHOLD');
  },
});

/** The settings the mfa feature reads: its slice of the configuration (provided with configSlice). */
export const MFA_FACTORS_CONFIG = Symbol('MFA_FACTORS_CONFIG');
export const MFA_FACTORS_CONFIG_KEYS = [
  'appName',
  'encryptionKey',
  'previousEncryptionKeys',
  'totpFailureThreshold',
  'totpFailureHardLimit',
  'codeSecret',
  'verifyFailureThreshold',
  'verifyFailureHardLimit',
  'allowRemovingLastFactor',
  'smsEnabled',
  'ipv6SubnetPrefix',
  'voiceFixedLineCountries',
  'allowNonGeographic',
  'channels',
] as const;
export type MfaFactorsConfig = Pick<
  FactorSettings & SmsSettings & ChallengeSettings & RateLimitSettings & CoreSettings & PhoneSettings,
  (typeof MFA_FACTORS_CONFIG_KEYS)[number]
>;
