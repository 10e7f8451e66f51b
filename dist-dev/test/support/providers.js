"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUBLIC_BASE_URL = exports.TWILIO_TOKEN = exports.TWILIO_SID = void 0;
exports.startProviderFakes = startProviderFakes;
exports.codeIn = codeIn;
exports.useAppWithFakes = useAppWithFakes;
const node_test_1 = require("node:test");
const app_1 = require("./app");
const database_1 = require("./database");
const eum_fake_1 = require("../fakes/eum-fake");
const sns_fake_1 = require("../fakes/sns-fake");
const twilio_fake_1 = require("../fakes/twilio-fake");
exports.TWILIO_SID = 'AC' + '0123456789abcdef'.repeat(2);
exports.TWILIO_TOKEN = 'twilio-auth-token-for-tests';
exports.PUBLIC_BASE_URL = 'https://mfa.example.org';
async function startProviderFakes() {
    process.env.AWS_ACCESS_KEY_ID ??= 'AKIDFAKEFORTESTS0000';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'fake-secret-for-tests';
    const twilio = new twilio_fake_1.TwilioFake();
    const sns = new sns_fake_1.SnsFake();
    const eum = new eum_fake_1.EumFake();
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
            publicBaseUrl: exports.PUBLIC_BASE_URL,
            twilioEnabled: true,
            twilioAccountSid: exports.TWILIO_SID,
            twilioAuthToken: exports.TWILIO_TOKEN,
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
function codeIn(body) {
    const code = body?.match(/\b(\d{4,10})\b/)?.[1];
    if (!code)
        throw new Error('no code in message');
    return code;
}
function useAppWithFakes(config, ready) {
    const env = {};
    (0, node_test_1.before)(async () => {
        env.db = await (0, database_1.createTestDatabase)();
        env.fakes = await startProviderFakes();
        env.t = await (0, app_1.startTestApp)(env.db.url, config(env.fakes));
        ready(env);
    });
    (0, node_test_1.after)(async () => {
        await env.t?.close();
        await env.fakes?.stop();
        await env.db?.drop();
    });
}
//# sourceMappingURL=providers.js.map