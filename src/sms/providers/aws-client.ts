import { NodeHttpHandler } from '@smithy/node-http-handler';
import { text } from '../../config/env-rules';
import type { SettingField } from '../../config/settings';

/** An AWS adapter's region setting (`<PREFIX>_REGION`), us-east-1 unless set. */
export function awsRegionSetting(env: string): SettingField<string> {
  return { env, rule: text(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1'), default: 'us-east-1', doc: 'the AWS region' };
}

/**
 * What every AWS SDK client of ours is built with: one attempt (the SDK's own
 * retries are off, so a slow AWS cannot delay failover, which is the sender's
 * job) and the provider timeout for connecting and for the answer.
 */
export function awsClientOptions(region: string, endpoint: string | undefined, timeoutMs: number) {
  return {
    region,
    endpoint,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: timeoutMs, requestTimeout: timeoutMs }),
  };
}
