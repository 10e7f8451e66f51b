import type { CoreSettings } from '../../config/core.settings';
import { arnList, regexSource } from '../../config/env-rules';
import { defineSettings } from '../../config/settings';
import type { AwsEumSettings } from '../../sms/providers/aws-eum/aws-eum.config';
import type { ProviderSettings } from '../../sms/providers/providers.config';
import { AWS_SNS_CERT_URL } from './sns-message';

/** Which AWS delivery events the webhook trusts. */
export interface AwsEventsSettings {
  /** Which SNS signing certificates are trusted (a URL pattern); only local tests widen it. */
  awsSnsCertUrlPattern: string;
  /** SNS topics whose delivery events are accepted (empty: any topic whose message is validly signed). */
  awsSnsTopicArns: string[];
}

export const AWS_EVENTS_SETTINGS = defineSettings<AwsEventsSettings, CoreSettings & AwsEumSettings>({
  title: 'AWS delivery events',
  fields: {
    awsSnsCertUrlPattern: {
      env: 'AWS_SNS_CERT_URL_PATTERN',
      rule: regexSource(),
      default: AWS_SNS_CERT_URL.source,
      defaultDoc: 'AWS SNS hosts only',
      doc: 'which SNS signing-certificate URLs are trusted (a regular expression anchored with `^…$`); widen it only for local tests, never in production',
    },
    awsSnsTopicArns: {
      env: 'AWS_SNS_TOPIC_ARNS',
      rule: arnList(),
      default: [],
      defaultDoc: '– (any topic)',
      doc: 'the SNS topics whose delivery events are accepted, checked before any certificate is fetched; **required in production with `AWS_EUM_ENABLED`** (any AWS account can sign a message from its own topic)',
    },
  },
  check(c, problems) {
    if (!c.production) return;
    if (c.awsEumEnabled && !c.awsSnsTopicArns?.length) {
      problems.push(
        'AWS_SNS_TOPIC_ARNS must be set when AWS_EUM_ENABLED=true and NODE_ENV=production (any AWS account can sign messages from its own topic)',
      );
    }
    if (c.awsSnsCertUrlPattern !== undefined && c.awsSnsCertUrlPattern !== AWS_SNS_CERT_URL.source)
      problems.push('AWS_SNS_CERT_URL_PATTERN must keep its default when NODE_ENV=production (it is widened for local tests only)');
  },
});

/** What the AWS delivery-event webhook reads: which signing certificates and topics it trusts. */
export const AWS_EVENTS_CONFIG = Symbol('AWS_EVENTS_CONFIG');
export const AWS_EVENTS_CONFIG_KEYS = ['awsEumEnabled', 'awsSnsCertUrlPattern', 'awsSnsTopicArns', 'providerTimeoutMs'] as const;
export type AwsEventsConfig = Pick<AwsEventsSettings & AwsEumSettings & ProviderSettings, (typeof AWS_EVENTS_CONFIG_KEYS)[number]>;
