import { bool, text, url } from '../../../config/env-rules';
import { defineSettings } from '../../../config/settings';
import { awsRegionSetting } from '../aws-client';
import type { ProviderSettings } from '../providers.config';

/** AWS SNS's settings (credentials from the standard AWS chain; priority, budgets: SMS_PROVIDER_AWS_SNS_*). */
export interface AwsSnsSettings {
  awsSnsEnabled: boolean;
  awsSnsRegion: string;
  awsSnsSenderId?: string;
  /** A VPC endpoint, or a local fake in tests. */
  awsSnsEndpoint?: string;
}

export const AWS_SNS_SETTINGS = defineSettings<AwsSnsSettings>({
  title: 'AWS SNS',
  fields: {
    awsSnsEnabled: {
      env: 'AWS_SNS_ENABLED',
      rule: bool(),
      default: false,
      doc: 'AWS SNS (priority 2; credentials from the standard AWS chain; no delivery reports: use AWS End User Messaging for those)',
    },
    awsSnsRegion: awsRegionSetting('AWS_SNS_REGION'),
    awsSnsSenderId: {
      env: 'AWS_SNS_SENDER_ID',
      rule: text(/^(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}$/, '1 to 11 letters, digits or hyphens, at least one letter'),
      doc: 'the alphanumeric sender id, where the destination allows one',
    },
    awsSnsEndpoint: { env: 'AWS_SNS_ENDPOINT', rule: url(['http', 'https']), doc: 'a VPC endpoint, or a local fake in tests' },
  },
});

export const AWS_SNS_CONFIG = Symbol('AWS_SNS_CONFIG');
export const AWS_SNS_CONFIG_KEYS = [...(Object.keys(AWS_SNS_SETTINGS.fields) as (keyof AwsSnsSettings)[]), 'providerTimeoutMs', 'maxPriceUsd'] as const;
export type AwsSnsConfig = AwsSnsSettings & Pick<ProviderSettings, 'providerTimeoutMs' | 'maxPriceUsd'>;
