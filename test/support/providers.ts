import { after, before } from 'node:test';
import type { MfaConfigOverrides } from '../../src/sms-mfa.settings';
import { startTestApp, TestApp } from './app';
import { createTestDatabase, TestDatabase } from './database';
import { EumFake } from '../fakes/eum-fake';
import { SnsFake } from '../fakes/sns-fake';
import { TwilioFake } from '../fakes/twilio-fake';

export const TWILIO_SID = 'AC' + '0123456789abcdef'.repeat(2);
export const TWILIO_TOKEN = 'twilio-auth-token-for-tests';
export const PUBLIC_BASE_URL = 'https://mfa.example.org';

export interface ProviderFakes {
  twilio: TwilioFake;
  sns: SnsFake;
  eum: EumFake;
  /** Config that points the Twilio and SNS SDKs at their fakes, with the mock provider off (AWS_EUM off). */
  config: MfaConfigOverrides;
  /** Config that turns AWS End User Messaging on, pointed at its fake (add it to `config`). */
  eumConfig: MfaConfigOverrides;
  stop(): Promise<void>;
}

export async function startProviderFakes(): Promise<ProviderFakes> {
  // The SNS SDK reads credentials from the standard chain; here, the environment.
  process.env.AWS_ACCESS_KEY_ID ??= 'AKIDFAKEFORTESTS0000';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'fake-secret-for-tests';
  const twilio = new TwilioFake();
  const sns = new SnsFake();
  const eum = new EumFake();
  const [twilioUrl, snsUrl, eumUrl] = await Promise.all([twilio.start(), sns.start(), eum.start()]);
  return {
    twilio,
    sns,
    eum,
    eumConfig: {
      awsEumEnabled: true,
      awsEumRegion: 'eu-west-1',
      awsEumEndpoint: eumUrl,
      awsEumOriginationIdentity: '+15005550007',
      awsEumConfigurationSet: 'mfa-events',
    },
    config: {
      mockSmsEnabled: false,
      publicBaseUrl: PUBLIC_BASE_URL,
      twilioEnabled: true,
      twilioAccountSid: TWILIO_SID,
      twilioAuthToken: TWILIO_TOKEN,
      twilioFromNumber: '+15005550006',
      twilioApiBaseUrl: twilioUrl,
      awsSnsEnabled: true,
      awsSnsRegion: 'eu-west-1',
      awsSnsSenderId: 'HavenHealth',
      awsSnsEndpoint: snsUrl,
      providerTimeoutMs: 400,
      circuitFailureThreshold: 100,
      cooldownMinutes: 0,
      providers: {
        TWILIO: { maxPerMinute: 100_000, maxPerHour: 100_000, maxPerDay: 100_000 },
        AWS_SNS: { maxPerMinute: 100_000, maxPerHour: 100_000, maxPerDay: 100_000 },
        AWS_EUM: { maxPerMinute: 100_000, maxPerHour: 100_000, maxPerDay: 100_000 },
      },
    },
    stop: async () => {
      await Promise.all([twilio.stop(), sns.stop(), eum.stop()]);
    },
  };
}

/** The code inside a message body. */
export function codeIn(body: string | undefined): string {
  const code = body?.match(/\b(\d{4,10})\b/)?.[1];
  if (!code) throw new Error('no code in message');
  return code;
}

export interface AppWithFakes {
  db: TestDatabase;
  fakes: ProviderFakes;
  t: TestApp;
}

/**
 * The fixture of a describe block that talks to the provider fakes: a fresh
 * database, the fakes, and one app configured from them, started before the
 * tests (`ready` receives them) and torn down after.
 */
export function useAppWithFakes(config: (fakes: ProviderFakes) => MfaConfigOverrides, ready: (env: AppWithFakes) => void): void {
  const env: Partial<AppWithFakes> = {};
  before(async () => {
    env.db = await createTestDatabase();
    env.fakes = await startProviderFakes();
    env.t = await startTestApp(env.db.url, config(env.fakes));
    ready(env as AppWithFakes);
  });
  after(async () => {
    await env.t?.close();
    await env.fakes?.stop();
    await env.db?.drop();
  });
}
