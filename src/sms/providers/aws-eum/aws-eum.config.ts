import { bool, SettingField, settingKeys, text, url } from '../../../config/env-rules';
import type { MfaConfig } from '../../../config/mfa-config';
import { awsRegionSetting } from '../aws-client';

/**
 * AWS End User Messaging SMS and Voice v2 (credentials from the standard AWS
 * chain; priority, budgets: SMS_PROVIDER_AWS_EUM_*).
 */
export interface AwsEumSettings {
  awsEumEnabled: boolean;
  awsEumRegion: string;
  /** A phone number, sender id, pool (id or ARN): required for voice, optional for SMS. */
  awsEumOriginationIdentity?: string;
  /** The configuration set whose event destination (an SNS topic) reports deliveries to /mfa/webhooks/aws/events. */
  awsEumConfigurationSet?: string;
  /** A VPC endpoint, or a local fake in tests. */
  awsEumEndpoint?: string;
}

export const AWS_EUM_SETTINGS: { [K in keyof AwsEumSettings]-?: SettingField<AwsEumSettings[K]> } = {
  awsEumEnabled: { env: 'AWS_EUM_ENABLED', rule: bool(), default: false },
  awsEumRegion: awsRegionSetting('AWS_EUM_REGION'),
  awsEumOriginationIdentity: {
    env: 'AWS_EUM_ORIGINATION_IDENTITY',
    rule: text(/^[A-Za-z0-9_:/+.-]{1,256}$/, 'a phone number, sender id, pool id or ARN'),
  },
  awsEumConfigurationSet: {
    env: 'AWS_EUM_CONFIGURATION_SET',
    rule: text(/^[A-Za-z0-9_:/-]{1,256}$/, 'a configuration set name or ARN'),
  },
  awsEumEndpoint: { env: 'AWS_EUM_ENDPOINT', rule: url(['http', 'https']) },
};

export const AWS_EUM_CONFIG = Symbol('AWS_EUM_CONFIG');
export const AWS_EUM_CONFIG_KEYS = [...settingKeys(AWS_EUM_SETTINGS), 'providerTimeoutMs', 'maxPriceUsd'] as const;
export type AwsEumConfig = Pick<MfaConfig, (typeof AWS_EUM_CONFIG_KEYS)[number]>;
