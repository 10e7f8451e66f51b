import { ASSURANCE_SETTINGS, type AssuranceSettings } from './assurance/assurance.config';
import { CHALLENGE_SETTINGS, type ChallengeSettings } from './challenges/challenges.config';
import { CORE_SETTINGS, withHostMode, type CoreSettings } from './config/core.settings';
import { loadSettings, settingsMarkdown, settingsReference, type ConfigWarning } from './config/settings';
import { DATABASE_SETTINGS, type DatabaseSettings } from './database/database.config';
import { FRAUD_SETTINGS, type FraudInputs, type FraudSettings } from './fraud/fraud.config';
import { FACTOR_SETTINGS, type FactorSettings } from './mfa/mfa.config';
import { OPS_SETTINGS, type OpsSettings } from './ops/ops.config';
import { PHONE_SETTINGS, type PhoneSettings } from './phone/phone.config';
import { RATE_LIMIT_SETTINGS, type RateLimitSettings } from './rate-limit/rate-limit.config';
import { AWS_EUM_SETTINGS, type AwsEumSettings } from './sms/providers/aws-eum/aws-eum.config';
import { AWS_SNS_SETTINGS, type AwsSnsSettings } from './sms/providers/aws-sns/aws-sns.config';
import { MOCK_SETTINGS, type MockSettings } from './sms/providers/mock/mock.config';
import { PROVIDER_SETTINGS, type ProviderOverrides, type ProviderSettings } from './sms/providers/providers.config';
import { TWILIO_SETTINGS, type TwilioSettings } from './sms/providers/twilio/twilio.config';
import { SMS_SETTINGS, type SmsSettings } from './sms/sms.config';
import { AWS_EVENTS_SETTINGS, type AwsEventsSettings } from './webhooks/aws/aws-events.config';

/**
 * Every feature's settings, in the order they are read (a default may depend
 * on the groups before it). Each group lives beside its feature; this is the
 * only place that knows them all.
 */
export const MFA_SETTINGS = [
  CORE_SETTINGS,
  DATABASE_SETTINGS,
  PHONE_SETTINGS,
  RATE_LIMIT_SETTINGS,
  FRAUD_SETTINGS,
  ASSURANCE_SETTINGS,
  CHALLENGE_SETTINGS,
  PROVIDER_SETTINGS,
  TWILIO_SETTINGS,
  AWS_SNS_SETTINGS,
  AWS_EUM_SETTINGS,
  MOCK_SETTINGS,
  SMS_SETTINGS,
  AWS_EVENTS_SETTINGS,
  FACTOR_SETTINGS,
  OPS_SETTINGS,
] as const;

/** The module's whole configuration, typed: what the features' slices are cut from. */
export type MfaConfig = CoreSettings &
  DatabaseSettings &
  PhoneSettings &
  RateLimitSettings &
  FraudSettings &
  FraudInputs &
  AssuranceSettings &
  ChallengeSettings &
  ProviderSettings &
  TwilioSettings &
  AwsSnsSettings &
  AwsEumSettings &
  MockSettings &
  SmsSettings &
  AwsEventsSettings &
  FactorSettings &
  OpsSettings;

/** What `forRoot({ config })` may give: any setting by its option name, checked by the same rules. */
export type MfaConfigOverrides = Partial<Omit<MfaConfig, 'providers' | 'production' | 'trialMode'>> & ProviderOverrides;

/**
 * Reads and validates every setting once. Options win over the environment.
 * Throws ConfigError naming each bad variable and what it allows.
 */
export function loadMfaConfig(env: NodeJS.ProcessEnv, overrides: MfaConfigOverrides = {}, warnings: ConfigWarning[] = []): MfaConfig {
  return loadSettings<MfaConfig>(MFA_SETTINGS, env, withHostMode(env, overrides, warnings), warnings);
}

/** Every variable the module reads, what it allows and its default: what docs/configuration.md lists. */
export const SETTINGS_REFERENCE = settingsReference(MFA_SETTINGS).flatMap((g) => g.rows);

/** The generated part of docs/configuration.md. */
export const SETTINGS_MARKDOWN = settingsMarkdown(MFA_SETTINGS);
