import { SettingField } from '../../../config/env-rules';
import type { MfaConfig } from '../../../config/mfa-config';
export interface AwsEumSettings {
    awsEumEnabled: boolean;
    awsEumRegion: string;
    awsEumOriginationIdentity?: string;
    awsEumConfigurationSet?: string;
    awsEumEndpoint?: string;
}
export declare const AWS_EUM_SETTINGS: {
    [K in keyof AwsEumSettings]-?: SettingField<AwsEumSettings[K]>;
};
export declare const AWS_EUM_CONFIG: unique symbol;
export declare const AWS_EUM_CONFIG_KEYS: readonly [...(keyof AwsEumSettings)[], "providerTimeoutMs", "maxPriceUsd"];
export type AwsEumConfig = Pick<MfaConfig, (typeof AWS_EUM_CONFIG_KEYS)[number]>;
