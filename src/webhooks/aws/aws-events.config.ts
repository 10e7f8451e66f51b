import type { MfaConfig } from '../../config/mfa-config';

/** What the AWS delivery-event webhook reads: which signing certificates and topics it trusts. */
export const AWS_EVENTS_CONFIG = Symbol('AWS_EVENTS_CONFIG');
export const AWS_EVENTS_CONFIG_KEYS = ['awsEumEnabled', 'awsSnsCertUrlPattern', 'awsSnsTopicArns', 'providerTimeoutMs'] as const;
export type AwsEventsConfig = Pick<MfaConfig, (typeof AWS_EVENTS_CONFIG_KEYS)[number]>;
