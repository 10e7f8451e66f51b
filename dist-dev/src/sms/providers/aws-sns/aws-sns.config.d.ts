import { SettingField } from '../../../config/env-rules';
import type { MfaConfig } from '../../../config/mfa-config';
export interface AwsSnsSettings {
    awsSnsEnabled: boolean;
    awsSnsRegion: string;
    awsSnsSenderId?: string;
    awsSnsEndpoint?: string;
}
export declare const AWS_SNS_SETTINGS: {
    [K in keyof AwsSnsSettings]-?: SettingField<AwsSnsSettings[K]>;
};
export declare const AWS_SNS_CONFIG: unique symbol;
export declare const AWS_SNS_CONFIG_KEYS: readonly [...(keyof AwsSnsSettings)[], "providerTimeoutMs", "maxPriceUsd"];
export type AwsSnsConfig = Pick<MfaConfig, (typeof AWS_SNS_CONFIG_KEYS)[number]>;
