"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const mfa_config_1 = require("./mfa-config");
function problems(env, overrides = {}) {
    try {
        (0, mfa_config_1.loadMfaConfig)(env, overrides);
        return [];
    }
    catch (err) {
        strict_1.default.ok(err instanceof mfa_config_1.ConfigError);
        return err.problems;
    }
}
(0, node_test_1.describe)('configuration', () => {
    (0, node_test_1.it)('applies the documented defaults with no environment', () => {
        const c = (0, mfa_config_1.loadMfaConfig)({});
        strict_1.default.equal(c.codeLength, 6);
        strict_1.default.equal(c.codeValidityMinutes, 10);
        strict_1.default.equal(c.maxAttempts, 3);
        strict_1.default.equal(c.cooldownMinutes, 1);
        strict_1.default.equal(c.dailyLimit, 10);
        strict_1.default.equal(c.hourlyLimit, 5);
        strict_1.default.equal(c.ipHourlyLimit, 20);
        strict_1.default.equal(c.mockSmsEnabled, true);
        strict_1.default.equal(c.appName, 'Haven Health');
        strict_1.default.deepEqual([c.providers.TWILIO.priority, c.providers.AWS_SNS.priority, c.providers.MOCK.priority], [1, 2, 100]);
        strict_1.default.ok(c.codeSecret.length >= 32, 'a generated secret outside production');
    });
    (0, node_test_1.it)('names the variable and what it allows', () => {
        strict_1.default.deepEqual(problems({ SMS_CODE_LENGTH: '12' }), ['SMS_CODE_LENGTH must be an integer from 4 to 10']);
        strict_1.default.deepEqual(problems({ SMS_CODE_VALIDITY_MINUTES: '30' }), [
            'SMS_CODE_VALIDITY_MINUTES must be an integer from 1 to 10',
        ]);
        strict_1.default.deepEqual(problems({ SMS_BACKUP_ENABLED: 'maybe' }), ['SMS_BACKUP_ENABLED must be true or false']);
        strict_1.default.deepEqual(problems({ SMS_FRAUD_MODE: 'off' }), ['SMS_FRAUD_MODE must be one of block, monitor']);
        strict_1.default.deepEqual(problems({ SMS_BLOCKED_COUNTRIES: 'US,Narnia' }), [
            'SMS_BLOCKED_COUNTRIES must be a comma-separated list of ISO 3166-1 alpha-2 country codes',
        ]);
        strict_1.default.deepEqual(problems({ SMS_PROVIDER_TWILIO_PRIORITY: 'first' }), [
            'SMS_PROVIDER_TWILIO_PRIORITY must be an integer from 0 to 1000',
        ]);
    });
    (0, node_test_1.it)('reads the channel settings: a subset of sms, voice and whatsapp; anchored certificate patterns; SNS topic ARNs', () => {
        const c = (0, mfa_config_1.loadMfaConfig)({
            SMS_CHANNELS: 'sms, Voice',
            SMS_VOICE_FALLBACK: 'true',
            AWS_SNS_TOPIC_ARNS: 'arn:aws:sns:eu-west-1:123456789012:mfa-events',
        });
        strict_1.default.deepEqual(c.channels, ['sms', 'voice']);
        strict_1.default.equal(c.voiceFallback, true);
        strict_1.default.deepEqual(c.awsSnsTopicArns, ['arn:aws:sns:eu-west-1:123456789012:mfa-events']);
        strict_1.default.ok(new RegExp(c.awsSnsCertUrlPattern).test('https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem'));
        strict_1.default.deepEqual((0, mfa_config_1.loadMfaConfig)({}).channels, ['sms']);
        strict_1.default.deepEqual(problems({ SMS_CHANNELS: 'sms,fax' }), ['SMS_CHANNELS must be a comma-separated list of sms, voice, whatsapp']);
        strict_1.default.deepEqual(problems({ SMS_CHANNELS: 'sms,sms' }), ['SMS_CHANNELS must be a comma-separated list of sms, voice, whatsapp']);
        strict_1.default.deepEqual(problems({ AWS_SNS_CERT_URL_PATTERN: 'amazonaws\\.com' }), [
            'AWS_SNS_CERT_URL_PATTERN must be a regular expression anchored with ^ and $',
        ]);
        strict_1.default.equal(problems({ AWS_SNS_TOPIC_ARNS: 'mfa-events' }).length, 1);
        strict_1.default.equal(problems({ TWILIO_WHATSAPP_CONTENT_SID: 'HXnothex' }).length, 1);
        strict_1.default.deepEqual((0, mfa_config_1.loadMfaConfig)({ SMS_VOICE_FIXED_LINE_COUNTRIES: 'fr,gb' }).voiceFixedLineCountries, ['FR', 'GB']);
        strict_1.default.deepEqual((0, mfa_config_1.loadMfaConfig)({}).voiceFixedLineCountries, []);
    });
    (0, node_test_1.it)('lists every bad variable at once', () => {
        strict_1.default.equal(problems({ SMS_CODE_LENGTH: 'x', SMS_MAX_ATTEMPTS: '0', PORT: '-1' }).length, 3);
    });
    (0, node_test_1.it)('checks module options with the same rules', () => {
        strict_1.default.deepEqual(problems({}, { codeLength: 3 }), ['SMS_CODE_LENGTH must be an integer from 4 to 10']);
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({ SMS_CODE_LENGTH: '6' }, { codeLength: 8 }).codeLength, 8);
    });
    (0, node_test_1.it)('makes the mock provider impossible in production, and demands the secrets there', () => {
        const found = problems({ NODE_ENV: 'production', MOCK_SMS_ENABLED: 'true' });
        strict_1.default.ok(found.includes('MOCK_SMS_ENABLED must be false when NODE_ENV=production'));
        strict_1.default.ok(found.includes('SMS_CODE_SECRET must be set when NODE_ENV=production'));
        strict_1.default.ok(found.includes('MFA_ENCRYPTION_KEY must be set when NODE_ENV=production'));
        const prod = (0, mfa_config_1.loadMfaConfig)({
            NODE_ENV: 'production',
            DATABASE_URL: 'postgres://db.internal/mfa',
            SMS_CODE_SECRET: 's'.repeat(32),
            MFA_ENCRYPTION_KEY: 'a'.repeat(64),
        });
        strict_1.default.equal(prod.mockSmsEnabled, false);
    });
    (0, node_test_1.it)('requires Twilio credentials when Twilio is enabled', () => {
        const found = problems({ TWILIO_ENABLED: 'true' });
        strict_1.default.ok(found.includes('TWILIO_ACCOUNT_SID must be set when TWILIO_ENABLED=true'));
        strict_1.default.ok(found.some((p) => p.startsWith('TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID')));
    });
    (0, node_test_1.it)('takes test numbers in development freely, and in production only with an expiry in the future', () => {
        const numbers = { SMS_TEST_NUMBERS: '+14155550100:123456, +447911205123:654321' };
        strict_1.default.deepEqual((0, mfa_config_1.loadMfaConfig)(numbers).testNumbers, { '+14155550100': '123456', '+447911205123': '654321' });
        const prod = {
            NODE_ENV: 'production',
            DATABASE_URL: 'postgres://db.internal/mfa',
            SMS_CODE_SECRET: 's'.repeat(32),
            MFA_ENCRYPTION_KEY: 'a'.repeat(64),
            ...numbers,
        };
        const expiry = 'SMS_TEST_NUMBERS_VALID_UNTIL must be set, and in the future, when SMS_TEST_NUMBERS is used with NODE_ENV=production';
        strict_1.default.ok(problems(prod).includes(expiry));
        strict_1.default.ok(problems({ ...prod, SMS_TEST_NUMBERS_VALID_UNTIL: '2020-01-01T00:00:00Z' }).includes(expiry));
        strict_1.default.deepEqual(problems({ ...prod, SMS_TEST_NUMBERS_VALID_UNTIL: new Date(Date.now() + 86_400_000).toISOString() }), []);
        strict_1.default.ok(problems({ SMS_TEST_NUMBERS: '+19995550100:123456' }).some((p) => p.startsWith('SMS_TEST_NUMBERS must hold valid E.164 numbers')));
        strict_1.default.ok(problems({ SMS_TEST_NUMBERS: '+14155550100:12345' }).some((p) => p.startsWith('SMS_TEST_NUMBERS codes must have')));
        strict_1.default.deepEqual(problems({ SMS_TEST_NUMBERS: '+14155550100' }), [
            'SMS_TEST_NUMBERS must be a comma-separated list of +E164:code pairs (e.g. +14155550100:123456)',
        ]);
    });
    (0, node_test_1.it)("takes its mode from MFA_ENV, else the host's NODE_ENV, which it never refuses (an unknown one gets the production checks)", () => {
        strict_1.default.deepEqual(problems({ MFA_ENV: 'prod' }), ['MFA_ENV must be one of development, production, test']);
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({ NODE_ENV: 'test' }).nodeEnv, 'test');
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({}).nodeEnv, 'development');
        strict_1.default.ok(problems({ NODE_ENV: 'staging' }).includes('SMS_CODE_SECRET must be set when NODE_ENV=production'));
        const warnings = [];
        const staging = (0, mfa_config_1.loadMfaConfig)({ NODE_ENV: 'staging', MFA_ENV: 'development' }, {}, warnings);
        strict_1.default.deepEqual([staging.nodeEnv, staging.production, warnings.filter((w) => w.variable === 'NODE_ENV')], ['development', false, []]);
        const strict = { codeSecret: 's'.repeat(32), encryptionKey: 'a'.repeat(64), databaseUrl: 'postgres://db.internal/mfa' };
        (0, mfa_config_1.loadMfaConfig)({ NODE_ENV: 'staging' }, { nodeEnv: 'production', ...strict }, warnings);
        strict_1.default.deepEqual(warnings.filter((w) => w.variable === 'NODE_ENV'), [], 'the host chose the mode: nothing to warn about');
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({ NODE_ENV: 'staging' }, strict, warnings).production, true);
        strict_1.default.ok(warnings.some((w) => w.variable === 'NODE_ENV' && w.message.startsWith('is staging, not development, production or test')));
    });
    (0, node_test_1.it)('refuses every unsafe production combination', () => {
        const safe = {
            NODE_ENV: 'production',
            DATABASE_URL: 'postgres://db.internal/mfa',
            SMS_CODE_SECRET: 's'.repeat(32),
            MFA_ENCRYPTION_KEY: 'a'.repeat(64),
        };
        strict_1.default.deepEqual(problems(safe), []);
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)(safe).docsEnabled, false, '/docs is off in production by default');
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({ ...safe, MFA_DOCS_ENABLED: 'true' }).docsEnabled, true);
        const { DATABASE_URL: _, ...embedded } = safe;
        strict_1.default.ok(problems(embedded).some((p) => p.startsWith('DATABASE_URL must be set when NODE_ENV=production')));
        const twilio = { ...safe, TWILIO_ENABLED: 'true', TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_FROM_NUMBER: '+15005550006' };
        const publicUrl = 'PUBLIC_BASE_URL must be set to a public URL (not loopback) when TWILIO_ENABLED=true and NODE_ENV=production';
        strict_1.default.ok(problems(twilio).includes(publicUrl));
        for (const loopback of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
            strict_1.default.ok(problems({ ...twilio, PUBLIC_BASE_URL: loopback }).includes(publicUrl), loopback);
        }
        strict_1.default.deepEqual(problems({ ...twilio, PUBLIC_BASE_URL: 'https://mfa.example.org' }), []);
        strict_1.default.ok(problems({ ...safe, TRUST_PROXY: 'true' })[0].startsWith('TRUST_PROXY must be off, loopback, a hop count'));
        strict_1.default.deepEqual(problems({ ...safe, MOCK_SMS_ENABLED: 'true' }), ['MOCK_SMS_ENABLED must be false when NODE_ENV=production']);
        strict_1.default.ok(problems({ ...safe, AWS_EUM_ENABLED: 'true' })[0].startsWith('AWS_SNS_TOPIC_ARNS must be set when AWS_EUM_ENABLED=true'));
        strict_1.default.deepEqual(problems({ ...safe, AWS_EUM_ENABLED: 'true', AWS_SNS_TOPIC_ARNS: 'arn:aws:sns:eu-west-1:123456789012:mfa-events' }), []);
    });
    (0, node_test_1.describe)('production refuses settings that trust everyone', () => {
        const safe = {
            NODE_ENV: 'production',
            DATABASE_URL: 'postgres://db.internal/mfa',
            SMS_CODE_SECRET: 's'.repeat(32),
            MFA_ENCRYPTION_KEY: 'a'.repeat(64),
        };
        const trust = (value) => problems({ ...safe, TRUST_PROXY: value }).filter((p) => p.startsWith('TRUST_PROXY'));
        (0, node_test_1.it)('TRUST_PROXY ranges over public address space, however they are written', () => {
            for (const wide of ['0.0.0.0/1,128.0.0.0/1', '0.0.0.0/0', '::/0', '::ffff:0:0/96', '172.16.0.0/11', '203.0.113.7', '10.0.0.0/8, 8.8.8.0/24']) {
                strict_1.default.equal(trust(wide).length, 1, wide);
                strict_1.default.match(trust(wide)[0], /covers public addresses/, wide);
            }
            for (const narrow of ['loopback', '10.0.0.0/8', '172.16.0.0/12,192.168.1.0/24', 'fd00::/8', '::ffff:10.0.0.0/104', 'loopback, uniquelocal', '1']) {
                strict_1.default.deepEqual(trust(narrow), [], narrow);
            }
            strict_1.default.deepEqual(problems({ TRUST_PROXY: '0.0.0.0/0' }), []);
        });
        (0, node_test_1.it)('a loopback PUBLIC_BASE_URL written as an IPv4-mapped or short address', () => {
            const twilio = { ...safe, TWILIO_ENABLED: 'true', TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_FROM_NUMBER: '+15005550006' };
            for (const loopback of ['http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]:3000', 'http://127.1/', 'http://0x7f.1/', 'http://[::]/', 'http://app.localhost/']) {
                strict_1.default.ok(problems({ ...twilio, PUBLIC_BASE_URL: loopback }).some((p) => p.startsWith('PUBLIC_BASE_URL must be set to a public URL')), loopback);
            }
        });
        (0, node_test_1.it)('a widened AWS_SNS_CERT_URL_PATTERN, Twilio over plain http, test numbers valid for more than 90 days', () => {
            strict_1.default.deepEqual(problems({ ...safe, AWS_SNS_CERT_URL_PATTERN: '^http://.*$' }), [
                'AWS_SNS_CERT_URL_PATTERN must keep its default when NODE_ENV=production (it is widened for local tests only)',
            ]);
            strict_1.default.deepEqual(problems({ AWS_SNS_CERT_URL_PATTERN: '^http://.*$' }), [], 'local tests may widen it');
            strict_1.default.deepEqual(problems({ ...safe, TWILIO_API_BASE_URL: 'http://api.twilio.com' }), [
                'TWILIO_API_BASE_URL must be an https URL when NODE_ENV=production (it carries the credentials)',
            ]);
            strict_1.default.deepEqual(problems({ ...safe, TWILIO_API_BASE_URL: 'https://api.dublin.ie1.twilio.com' }), []);
            const testNumbers = (days) => problems({ ...safe, SMS_TEST_NUMBERS: '+14155550100:123456', SMS_TEST_NUMBERS_VALID_UNTIL: new Date(Date.now() + days * 86_400_000).toISOString() });
            strict_1.default.deepEqual(testNumbers(30), []);
            strict_1.default.deepEqual(testNumbers(36_500), [
                'SMS_TEST_NUMBERS_VALID_UNTIL must be at most 90 days ahead when NODE_ENV=production (a forgotten test number is a backdoor)',
            ]);
        });
        (0, node_test_1.it)('warns at start-up when admin routes do not need MFA', () => {
            const warnings = [];
            (0, mfa_config_1.loadMfaConfig)({ ...safe, MFA_ADMIN_REQUIRES_MFA: 'false' }, {}, warnings);
            strict_1.default.deepEqual(warnings.map((w) => w.variable), ['MFA_ADMIN_REQUIRES_MFA']);
            const quiet = [];
            (0, mfa_config_1.loadMfaConfig)(safe, {}, quiet);
            strict_1.default.deepEqual(quiet, []);
        });
    });
    (0, node_test_1.it)('turns the mock provider on by default in development only', () => {
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({}).mockSmsEnabled, true);
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({ NODE_ENV: 'test' }).mockSmsEnabled, false);
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)({ NODE_ENV: 'test', MOCK_SMS_ENABLED: 'true' }).mockSmsEnabled, true);
        const twilio = { TWILIO_ENABLED: 'true', TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 't', TWILIO_FROM_NUMBER: '+15005550006' };
        strict_1.default.equal((0, mfa_config_1.loadMfaConfig)(twilio).mockSmsEnabled, false, 'never a failover target behind a real provider by default');
    });
    (0, node_test_1.it)('keeps secrets out of serialised config and gives each feature only its slice', () => {
        const secret = 'x'.repeat(40);
        const c = (0, mfa_config_1.loadMfaConfig)({ SMS_CODE_SECRET: secret, OPS_TOKEN: 'o'.repeat(40) });
        strict_1.default.equal(c.codeSecret, secret);
        const dumped = JSON.stringify(c);
        strict_1.default.ok(!dumped.includes(secret) && !dumped.includes('o'.repeat(40)));
        strict_1.default.ok(dumped.includes('"codeLength":6'));
        const provider = (0, mfa_config_1.configSlice)(Symbol('SLICE'), ['codeLength', 'codeSecret']);
        strict_1.default.deepEqual(provider.inject, [mfa_config_1.MFA_CONFIG]);
        const slice = provider.useFactory(c);
        strict_1.default.deepEqual(Object.keys(slice), ['codeLength']);
        strict_1.default.equal(slice.codeSecret, secret);
        strict_1.default.equal(slice.dailyLimit, undefined);
    });
});
//# sourceMappingURL=mfa-config.spec.js.map