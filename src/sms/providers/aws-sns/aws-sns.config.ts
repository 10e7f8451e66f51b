import { bool, SettingField, settingKeys, text, url } from '../../../config/env-rules';
import type { MfaConfig } from '../../../config/mfa-config';
import { awsRegionSetting } from '../aws-client';

/** AWS SNS's settings (credentials from the standard AWS chain; priority, budgets: SMS_PROVIDER_AWS_SNS_*). */
export interface AwsSnsSettings {
  awsSnsEnabled: boolean;
  awsSnsRegion: string;
  awsSnsSenderId?: string;
  /** A VPC endpoint, or a local fake in tests. */
  awsSnsEndpoint?: string;
}

export const AWS_SNS_SETTINGS: { [K in keyof AwsSnsSettings]-?: SettingField<AwsSnsSettings[K]> } = {
  awsSnsEnabled: { env: 'AWS_SNS_ENABLED', rule: bool(), default: false },
  awsSnsRegion: awsRegionSetting('AWS_SNS_REGION'),
  awsSnsSenderId: {
    env: 'AWS_SNS_SENDER_ID',
    rule: text(/^(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}$/, '1 to 11 letters, digits or hyphens, at least one letter'),
  },
  awsSnsEndpoint: { env: 'AWS_SNS_ENDPOINT', rule: url(['http', 'https']) },
};

export const AWS_SNS_CONFIG = Symbol('AWS_SNS_CONFIG');
export const AWS_SNS_CONFIG_KEYS = [...settingKeys(AWS_SNS_SETTINGS), 'providerTimeoutMs', 'maxPriceUsd'] as const;
export type AwsSnsConfig = Pick<MfaConfig, (typeof AWS_SNS_CONFIG_KEYS)[number]>;
