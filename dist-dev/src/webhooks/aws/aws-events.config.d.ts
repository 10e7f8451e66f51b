import type { MfaConfig } from '../../config/mfa-config';
export declare const AWS_EVENTS_CONFIG: unique symbol;
export declare const AWS_EVENTS_CONFIG_KEYS: readonly ["awsEumEnabled", "awsSnsCertUrlPattern", "awsSnsTopicArns", "providerTimeoutMs"];
export type AwsEventsConfig = Pick<MfaConfig, (typeof AWS_EVENTS_CONFIG_KEYS)[number]>;
