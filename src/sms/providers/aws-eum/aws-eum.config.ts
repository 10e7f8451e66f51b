import { bool, text, url } from '../../../config/env-rules';
import { defineSettings } from '../../../config/settings';
import { awsRegionSetting } from '../aws-client';
import type { ProviderSettings } from '../providers.config';

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

export const AWS_EUM_SETTINGS = defineSettings<AwsEumSettings>({
  title: 'AWS End User Messaging',
  fields: {
    awsEumEnabled: {
      env: 'AWS_EUM_ENABLED',
      rule: bool(),
      default: false,
      doc: 'AWS End User Messaging SMS and Voice v2 (priority 3): SMS and voice, with delivery reports',
    },
    awsEumRegion: awsRegionSetting('AWS_EUM_REGION'),
    awsEumOriginationIdentity: {
      env: 'AWS_EUM_ORIGINATION_IDENTITY',
      rule: text(/^[A-Za-z0-9_:/+.-]{1,256}$/, 'a phone number, sender id, pool id or ARN'),
      doc: 'the number, sender id or pool sent from: required for voice, optional for SMS',
    },
    awsEumConfigurationSet: {
      env: 'AWS_EUM_CONFIGURATION_SET',
      rule: text(/^[A-Za-z0-9_:/-]{1,256}$/, 'a configuration set name or ARN'),
      doc: 'the configuration set whose event destination (an SNS topic) reports deliveries to `/mfa/webhooks/aws/events`',
    },
    awsEumEndpoint: { env: 'AWS_EUM_ENDPOINT', rule: url(['http', 'https']), doc: 'a VPC endpoint, or a local fake in tests' },
  },
});

export const AWS_EUM_CONFIG = Symbol('AWS_EUM_CONFIG');
export const AWS_EUM_CONFIG_KEYS = [...(Object.keys(AWS_EUM_SETTINGS.fields) as (keyof AwsEumSettings)[]), 'providerTimeoutMs', 'maxPriceUsd'] as const;
export type AwsEumConfig = AwsEumSettings & Pick<ProviderSettings, 'providerTimeoutMs' | 'maxPriceUsd'>;
