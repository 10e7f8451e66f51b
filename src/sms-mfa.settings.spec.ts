import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, configSlice, MFA_CONFIG, type ConfigWarning } from './config/settings';
import { loadMfaConfig, type MfaConfig } from './sms-mfa.settings';

function problems(env: NodeJS.ProcessEnv, overrides = {}): string[] {
  try {
    loadMfaConfig(env, overrides);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
}

describe('configuration', () => {
  it('applies the documented defaults with no environment', () => {
    const c = loadMfaConfig({});
    assert.equal(c.codeLength, 6);
    assert.equal(c.codeValidityMinutes, 10);
    assert.equal(c.maxAttempts, 3);
    assert.equal(c.cooldownMinutes, 1);
    assert.equal(c.dailyLimit, 10);
    assert.equal(c.hourlyLimit, 5);
    assert.equal(c.ipHourlyLimit, 20);
    assert.equal(c.mockSmsEnabled, true);
    assert.equal(c.appName, 'Haven Health');
    assert.deepEqual(
      [c.providers.TWILIO.priority, c.providers.AWS_SNS.priority, c.providers.MOCK.priority],
      [1, 2, 100],
    );
    assert.ok(c.codeSecret.length >= 32, 'a generated secret outside production');
  });

  it('names the variable and what it allows', () => {
    assert.deepEqual(problems({ SMS_CODE_LENGTH: '12' }), ['SMS_CODE_LENGTH must be an integer from 4 to 10']);
    assert.deepEqual(problems({ SMS_CODE_VALIDITY_MINUTES: '30' }), [
      'SMS_CODE_VALIDITY_MINUTES must be an integer from 1 to 10',
    ]);
    assert.deepEqual(problems({ SMS_BACKUP_ENABLED: 'maybe' }), ['SMS_BACKUP_ENABLED must be true or false']);
    assert.deepEqual(problems({ SMS_FRAUD_MODE: 'off' }), ['SMS_FRAUD_MODE must be one of block, monitor']);
    assert.deepEqual(problems({ SMS_BLOCKED_COUNTRIES: 'US,Narnia' }), [
      'SMS_BLOCKED_COUNTRIES must be a comma-separated list of ISO 3166-1 alpha-2 country codes',
    ]);
    assert.deepEqual(problems({ SMS_PROVIDER_TWILIO_PRIORITY: 'first' }), [
      'SMS_PROVIDER_TWILIO_PRIORITY must be an integer from 0 to 1000',
    ]);
  });

  it('reads the channel settings: a subset of sms, voice and whatsapp; anchored certificate patterns; SNS topic ARNs', () => {
    const c = loadMfaConfig({
      SMS_CHANNELS: 'sms, Voice',
      SMS_VOICE_FALLBACK: 'true',
      AWS_SNS_TOPIC_ARNS: 'arn:aws:sns:eu-west-1:123456789012:mfa-events',
    });
    assert.deepEqual(c.channels, ['sms', 'voice']);
    assert.equal(c.voiceFallback, true);
    assert.deepEqual(c.awsSnsTopicArns, ['arn:aws:sns:eu-west-1:123456789012:mfa-events']);
    assert.ok(new RegExp(c.awsSnsCertUrlPattern).test('https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem'));
    assert.deepEqual(loadMfaConfig({}).channels, ['sms']);
    assert.deepEqual(problems({ SMS_CHANNELS: 'sms,fax' }), ['SMS_CHANNELS must be a comma-separated list of sms, voice, whatsapp']);
    assert.deepEqual(problems({ SMS_CHANNELS: 'sms,sms' }), ['SMS_CHANNELS must be a comma-separated list of sms, voice, whatsapp']);
    assert.deepEqual(problems({ AWS_SNS_CERT_URL_PATTERN: 'amazonaws\\.com' }), [
      'AWS_SNS_CERT_URL_PATTERN must be a regular expression anchored with ^ and $',
    ]);
    assert.equal(problems({ AWS_SNS_TOPIC_ARNS: 'mfa-events' }).length, 1);
    assert.equal(problems({ TWILIO_WHATSAPP_CONTENT_SID: 'HXnothex' }).length, 1);
    assert.deepEqual(loadMfaConfig({ SMS_VOICE_FIXED_LINE_COUNTRIES: 'fr,gb' }).voiceFixedLineCountries, ['FR', 'GB']);
    assert.deepEqual(loadMfaConfig({}).voiceFixedLineCountries, []);
  });

  it('lists every bad variable at once', () => {
    assert.equal(problems({ SMS_CODE_LENGTH: 'x', SMS_MAX_ATTEMPTS: '0', SMS_DAILY_LIMIT: '-1' }).length, 3);
  });

  it('checks module options with the same rules', () => {
    assert.deepEqual(problems({}, { codeLength: 3 }), ['SMS_CODE_LENGTH must be an integer from 4 to 10']);
    assert.equal(loadMfaConfig({ SMS_CODE_LENGTH: '6' }, { codeLength: 8 }).codeLength, 8);
  });

  it('makes the mock provider impossible in production, and demands the secrets there', () => {
    const found = problems({ NODE_ENV: 'production', MOCK_SMS_ENABLED: 'true' });
    assert.ok(found.includes('MOCK_SMS_ENABLED must be false when NODE_ENV=production'));
    assert.ok(found.includes('SMS_CODE_SECRET must be set when NODE_ENV=production'));
    assert.ok(found.includes('MFA_ENCRYPTION_KEY must be set when NODE_ENV=production'));
    const prod = loadMfaConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.internal/mfa',
      SMS_CODE_SECRET: 's'.repeat(32),
      MFA_ENCRYPTION_KEY: 'a'.repeat(64),
    });
    assert.equal(prod.mockSmsEnabled, false);
  });

  it('requires Twilio credentials when Twilio is enabled', () => {
    const found = problems({ TWILIO_ENABLED: 'true' });
    assert.ok(found.includes('TWILIO_ACCOUNT_SID must be set when TWILIO_ENABLED=true'));
    assert.ok(found.some((p) => p.startsWith('TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID')));
  });

  it('takes test numbers in development freely, and in production only with an expiry in the future', () => {
    const numbers = { SMS_TEST_NUMBERS: '+14155550100:123456, +447911205123:654321' };
    assert.deepEqual(loadMfaConfig(numbers).testNumbers, { '+14155550100': '123456', '+447911205123': '654321' });
    const prod = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.internal/mfa',
      SMS_CODE_SECRET: 's'.repeat(32),
      MFA_ENCRYPTION_KEY: 'a'.repeat(64),
      ...numbers,
    };
    const expiry = 'SMS_TEST_NUMBERS_VALID_UNTIL must be set, and in the future, when SMS_TEST_NUMBERS is used with NODE_ENV=production';
    assert.ok(problems(prod).includes(expiry));
    assert.ok(problems({ ...prod, SMS_TEST_NUMBERS_VALID_UNTIL: '2020-01-01T00:00:00Z' }).includes(expiry));
    assert.deepEqual(problems({ ...prod, SMS_TEST_NUMBERS_VALID_UNTIL: new Date(Date.now() + 86_400_000).toISOString() }), []);
    assert.ok(problems({ SMS_TEST_NUMBERS: '+19995550100:123456' }).some((p) => p.startsWith('SMS_TEST_NUMBERS must hold valid E.164 numbers')));
    assert.ok(problems({ SMS_TEST_NUMBERS: '+14155550100:12345' }).some((p) => p.startsWith('SMS_TEST_NUMBERS codes must have')));
    assert.deepEqual(problems({ SMS_TEST_NUMBERS: '+14155550100' }), [
      'SMS_TEST_NUMBERS must be a comma-separated list of +E164:code pairs (e.g. +14155550100:123456)',
    ]);
  });

  it("takes its mode from MFA_ENV, else the host's NODE_ENV, which it never refuses (an unknown one gets the production checks)", () => {
    assert.deepEqual(problems({ MFA_ENV: 'prod' }), ['MFA_ENV must be one of development, production, test']);
    assert.equal(loadMfaConfig({ NODE_ENV: 'test' }).nodeEnv, 'test');
    assert.equal(loadMfaConfig({}).nodeEnv, 'development');
    // A host's staging is production-like: the strict checks, and a warning that says why.
    assert.ok(problems({ NODE_ENV: 'staging' }).includes('SMS_CODE_SECRET must be set when NODE_ENV=production'));
    const warnings: ConfigWarning[] = [];
    const staging = loadMfaConfig({ NODE_ENV: 'staging', MFA_ENV: 'development' }, {}, warnings);
    assert.deepEqual([staging.nodeEnv, staging.production, warnings.filter((w) => w.variable === 'NODE_ENV')], ['development', false, []]);
    const strict = { codeSecret: 's'.repeat(32), encryptionKey: 'a'.repeat(64), databaseUrl: 'postgres://db.internal/mfa' };
    loadMfaConfig({ NODE_ENV: 'staging' }, { nodeEnv: 'production', ...strict }, warnings);
    assert.deepEqual(warnings.filter((w) => w.variable === 'NODE_ENV'), [], 'the host chose the mode: nothing to warn about');
    assert.equal(loadMfaConfig({ NODE_ENV: 'staging' }, strict, warnings).production, true);
    assert.ok(warnings.some((w) => w.variable === 'NODE_ENV' && w.message.startsWith('is staging, not development, production or test')));
  });

  it('refuses every unsafe production combination', () => {
    const safe = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.internal/mfa',
      SMS_CODE_SECRET: 's'.repeat(32),
      MFA_ENCRYPTION_KEY: 'a'.repeat(64),
    };
    assert.deepEqual(problems(safe), []);
    const { DATABASE_URL: _, ...embedded } = safe;
    assert.ok(problems(embedded).some((p) => p.startsWith('DATABASE_URL must be set when NODE_ENV=production')));
    const twilio = { ...safe, TWILIO_ENABLED: 'true', TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_FROM_NUMBER: '+15005550006' };
    const publicUrl = 'PUBLIC_BASE_URL must be set to a public URL (not loopback) when TWILIO_ENABLED=true and NODE_ENV=production';
    assert.ok(problems(twilio).includes(publicUrl));
    for (const loopback of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      assert.ok(problems({ ...twilio, PUBLIC_BASE_URL: loopback }).includes(publicUrl), loopback);
    }
    assert.deepEqual(problems({ ...twilio, PUBLIC_BASE_URL: 'https://mfa.example.org' }), []);
    assert.ok(problems({ ...safe, TRUST_PROXY: 'true' })[0].startsWith('TRUST_PROXY must be off, loopback, a hop count'));
    assert.deepEqual(problems({ ...safe, MOCK_SMS_ENABLED: 'true' }), ['MOCK_SMS_ENABLED must be false when NODE_ENV=production']);
    assert.ok(problems({ ...safe, AWS_EUM_ENABLED: 'true' })[0].startsWith('AWS_SNS_TOPIC_ARNS must be set when AWS_EUM_ENABLED=true'));
    assert.deepEqual(problems({ ...safe, AWS_EUM_ENABLED: 'true', AWS_SNS_TOPIC_ARNS: 'arn:aws:sns:eu-west-1:123456789012:mfa-events' }), []);
  });

  describe('production refuses settings that trust everyone', () => {
    const safe = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db.internal/mfa',
      SMS_CODE_SECRET: 's'.repeat(32),
      MFA_ENCRYPTION_KEY: 'a'.repeat(64),
    };
    const trust = (value: string) => problems({ ...safe, TRUST_PROXY: value }).filter((p) => p.startsWith('TRUST_PROXY'));

    it('TRUST_PROXY ranges over public address space, however they are written', () => {
      for (const wide of ['0.0.0.0/1,128.0.0.0/1', '0.0.0.0/0', '::/0', '::ffff:0:0/96', '172.16.0.0/11', '203.0.113.7', '10.0.0.0/8, 8.8.8.0/24']) {
        assert.equal(trust(wide).length, 1, wide);
        assert.match(trust(wide)[0], /covers public addresses/, wide);
      }
      for (const narrow of ['loopback', '10.0.0.0/8', '172.16.0.0/12,192.168.1.0/24', 'fd00::/8', '::ffff:10.0.0.0/104', 'loopback, uniquelocal', '1']) {
        assert.deepEqual(trust(narrow), [], narrow);
      }
      // Outside production a developer may trust what they like (but never `true`).
      assert.deepEqual(problems({ TRUST_PROXY: '0.0.0.0/0' }), []);
    });

    it('a loopback PUBLIC_BASE_URL written as an IPv4-mapped or short address', () => {
      const twilio = { ...safe, TWILIO_ENABLED: 'true', TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_FROM_NUMBER: '+15005550006' };
      for (const loopback of ['http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]:3000', 'http://127.1/', 'http://0x7f.1/', 'http://[::]/', 'http://app.localhost/']) {
        assert.ok(problems({ ...twilio, PUBLIC_BASE_URL: loopback }).some((p) => p.startsWith('PUBLIC_BASE_URL must be set to a public URL')), loopback);
      }
    });

    it('a widened AWS_SNS_CERT_URL_PATTERN, Twilio over plain http, test numbers valid for more than 90 days', () => {
      assert.deepEqual(problems({ ...safe, AWS_SNS_CERT_URL_PATTERN: '^http://.*$' }), [
        'AWS_SNS_CERT_URL_PATTERN must keep its default when NODE_ENV=production (it is widened for local tests only)',
      ]);
      assert.deepEqual(problems({ AWS_SNS_CERT_URL_PATTERN: '^http://.*$' }), [], 'local tests may widen it');
      assert.deepEqual(problems({ ...safe, TWILIO_API_BASE_URL: 'http://api.twilio.com' }), [
        'TWILIO_API_BASE_URL must be an https URL when NODE_ENV=production (it carries the credentials)',
      ]);
      assert.deepEqual(problems({ ...safe, TWILIO_API_BASE_URL: 'https://api.dublin.ie1.twilio.com' }), []);
      const testNumbers = (days: number) =>
        problems({ ...safe, SMS_TEST_NUMBERS: '+14155550100:123456', SMS_TEST_NUMBERS_VALID_UNTIL: new Date(Date.now() + days * 86_400_000).toISOString() });
      assert.deepEqual(testNumbers(30), []);
      assert.deepEqual(testNumbers(36_500), [
        'SMS_TEST_NUMBERS_VALID_UNTIL must be at most 90 days ahead when NODE_ENV=production (a forgotten test number is a backdoor)',
      ]);
    });

    it('warns at start-up when admin routes do not need MFA', () => {
      const warnings: { variable: string; message: string }[] = [];
      loadMfaConfig({ ...safe, MFA_ADMIN_REQUIRES_MFA: 'false' }, {}, warnings);
      assert.deepEqual(warnings.map((w) => w.variable), ['MFA_ADMIN_REQUIRES_MFA']);
      const quiet: typeof warnings = [];
      loadMfaConfig(safe, {}, quiet);
      assert.deepEqual(quiet, []);
    });
  });

  it('turns the mock provider on by default in development only', () => {
    assert.equal(loadMfaConfig({}).mockSmsEnabled, true);
    assert.equal(loadMfaConfig({ NODE_ENV: 'test' }).mockSmsEnabled, false);
    assert.equal(loadMfaConfig({ NODE_ENV: 'test', MOCK_SMS_ENABLED: 'true' }).mockSmsEnabled, true);
    const twilio = { TWILIO_ENABLED: 'true', TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_FROM_NUMBER: '+15005550006' };
    assert.equal(loadMfaConfig(twilio).mockSmsEnabled, false, 'never a failover target behind a real provider by default');
  });

  it('keeps secrets out of serialised config and gives each feature only its slice', () => {
    const secret = 'x'.repeat(40);
    const c = loadMfaConfig({ SMS_CODE_SECRET: secret, OPS_TOKEN: 'o'.repeat(40) });
    assert.equal(c.codeSecret, secret);
    const dumped = JSON.stringify(c);
    assert.ok(!dumped.includes(secret) && !dumped.includes('o'.repeat(40)));
    assert.ok(dumped.includes('"codeLength":6'));
    const provider = configSlice<Pick<MfaConfig, 'codeLength' | 'codeSecret'>>(Symbol('SLICE'), ['codeLength', 'codeSecret']);
    assert.deepEqual(provider.inject, [MFA_CONFIG]);
    const slice = provider.useFactory(c);
    assert.deepEqual(Object.keys(slice), ['codeLength']);
    assert.equal(slice.codeSecret, secret);
    assert.equal((slice as Record<string, unknown>).dailyLimit, undefined);
  });
});
