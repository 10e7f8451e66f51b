"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const eum_fake_1 = require("../../../../test/fakes/eum-fake");
const sms_provider_1 = require("../sms-provider");
const aws_eum_provider_1 = require("./aws-eum.provider");
const TO = '+447700900123';
const DIGITS = ['4', '8', '1', '5', '1', '6'];
const script = (locale, intro, repeat) => ({
    locale,
    intro,
    repeat,
    digits: DIGITS,
    warning: 'Never share it.',
});
const ENGLISH = script('en', 'Your Haven code is', 'Again, your code is');
function sms(overrides = {}) {
    return {
        channel: 'sms',
        to: TO,
        body: 'Haven: your code is 481516. It expires in 5 min. Never share it.',
        reference: (0, node_crypto_1.randomUUID)(),
        validitySeconds: 287,
        maxPriceUsd: 0.05,
        ...overrides,
    };
}
function call(locale, overrides = {}) {
    return sms({
        channel: 'voice',
        body: 'Your code is 4 8 1 5 1 6',
        voice: { script: script(locale, `intro in ${locale}`, `repeat in ${locale}`), english: ENGLISH },
        ...overrides,
    });
}
async function failure(promise) {
    try {
        await promise;
    }
    catch (err) {
        strict_1.default.ok(err instanceof sms_provider_1.ProviderError, `a ProviderError, not ${String(err)}`);
        return err;
    }
    strict_1.default.fail('expected a ProviderError');
}
(0, node_test_1.describe)('AWS End User Messaging adapter, through the real SDK', () => {
    const fake = new eum_fake_1.EumFake();
    let config;
    let provider;
    const signal = () => new AbortController().signal;
    (0, node_test_1.before)(async () => {
        process.env.AWS_ACCESS_KEY_ID ??= 'AKIDFAKEFORTESTS0000';
        process.env.AWS_SECRET_ACCESS_KEY ??= 'fake-secret-for-tests';
        config = {
            awsEumEnabled: true,
            awsEumRegion: 'eu-west-1',
            awsEumEndpoint: await fake.start(),
            awsEumOriginationIdentity: '+15005550006',
            awsEumConfigurationSet: 'mfa-events',
            providerTimeoutMs: 2000,
            maxPriceUsd: 0.05,
        };
        provider = new aws_eum_provider_1.AwsEumProvider(config);
    });
    (0, node_test_1.after)(async () => {
        provider.destroy();
        await fake.stop();
    });
    (0, node_test_1.it)('serves SMS and voice, and builds no client when disabled', () => {
        strict_1.default.equal(provider.name, 'AWS_EUM');
        strict_1.default.deepEqual(provider.channels, ['sms', 'voice']);
        strict_1.default.equal(provider.enabled, true);
        const off = new aws_eum_provider_1.AwsEumProvider({ ...config, awsEumEnabled: false });
        strict_1.default.equal(off.enabled, false);
        off.destroy();
    });
    (0, node_test_1.it)('sends a signed SendTextMessage with every field, and returns its MessageId', async () => {
        fake.reset();
        const message = sms();
        const result = await provider.send(message, signal());
        strict_1.default.equal(fake.requests.length, 1);
        const [req] = fake.requests;
        strict_1.default.equal(req.headers['x-amz-target'], 'PinpointSMSVoiceV2.SendTextMessage');
        strict_1.default.equal(req.headers['content-type'], 'application/x-amz-json-1.0');
        strict_1.default.match(req.headers.authorization ?? '', /^AWS4-HMAC-SHA256 Credential=AKID\w+\/\d{8}\/eu-west-1\/sms-voice\/aws4_request/);
        strict_1.default.deepEqual(fake.operations('SendTextMessage'), [
            {
                DestinationPhoneNumber: TO,
                MessageBody: message.body,
                MessageType: 'TRANSACTIONAL',
                OriginationIdentity: '+15005550006',
                ConfigurationSetName: 'mfa-events',
                TimeToLive: 287,
                MaxPrice: '0.05000',
                MessageFeedbackEnabled: true,
                Context: { challengeId: message.reference },
            },
        ]);
        strict_1.default.equal(result.status, 'queued');
        strict_1.default.match(result.providerMessageId ?? '', /^[0-9a-f-]{36}$/);
    });
    (0, node_test_1.it)('leaves out what is not configured, and clamps TimeToLive into 5..259200 whole seconds', async () => {
        const bare = new aws_eum_provider_1.AwsEumProvider({
            ...config,
            awsEumOriginationIdentity: undefined,
            awsEumConfigurationSet: undefined,
        });
        try {
            fake.reset();
            await bare.send(sms({ maxPriceUsd: undefined, validitySeconds: 2.9 }), signal());
            const [body] = fake.operations('SendTextMessage');
            strict_1.default.equal('OriginationIdentity' in body, false);
            strict_1.default.equal('ConfigurationSetName' in body, false);
            strict_1.default.equal('MaxPrice' in body, false);
            strict_1.default.equal(body.TimeToLive, 5);
        }
        finally {
            bare.destroy();
        }
        strict_1.default.equal((0, aws_eum_provider_1.eumTimeToLive)(299.7), 299);
        strict_1.default.equal((0, aws_eum_provider_1.eumTimeToLive)(10_000_000), 259_200);
        strict_1.default.equal((0, aws_eum_provider_1.eumTimeToLive)(-3), 5);
    });
    (0, node_test_1.it)('calls in the user language with its voice, reading the digits one by one twice in SSML', async () => {
        fake.reset();
        const message = call('fr');
        const result = await provider.send(message, signal());
        const [body] = fake.operations('SendVoiceMessage');
        strict_1.default.equal(fake.requests[0].headers['x-amz-target'], 'PinpointSMSVoiceV2.SendVoiceMessage');
        const digits = DIGITS.join('<break time="400ms"/>');
        strict_1.default.deepEqual(body, {
            DestinationPhoneNumber: TO,
            OriginationIdentity: '+15005550006',
            MessageBody: `<speak>intro in fr<break time="300ms"/>${digits}` +
                `<break time="1s"/>repeat in fr<break time="300ms"/>${digits}<break time="700ms"/>Never share it.</speak>`,
            MessageBodyTextType: 'SSML',
            VoiceId: 'LEA',
            ConfigurationSetName: 'mfa-events',
            TimeToLive: 287,
            MaxPricePerMinute: '0.05000',
            MessageFeedbackEnabled: true,
            Context: { challengeId: message.reference },
        });
        strict_1.default.equal(String(body.MessageBody).split(digits).length - 1, 2, 'the digits are read twice');
        strict_1.default.equal(result.status, 'queued');
    });
    (0, node_test_1.it)('calls in English with JOANNA where no voice speaks the user language', async () => {
        for (const locale of ['sw', 'uk']) {
            fake.reset();
            await provider.send(call(locale), signal());
            const [body] = fake.operations('SendVoiceMessage');
            strict_1.default.equal(body.VoiceId, 'JOANNA', locale);
            strict_1.default.match(String(body.MessageBody), /^<speak>Your Haven code is<break/, locale);
            strict_1.default.doesNotMatch(String(body.MessageBody), new RegExp(`in ${locale}`), locale);
        }
        strict_1.default.deepEqual(['en', 'es', 'fr', 'ar', 'ru', 'tr', 'es-MX'].map((locale) => (0, aws_eum_provider_1.eumVoiceFor)(call(locale)).voiceId), ['JOANNA', 'LUCIA', 'LEA', 'ZEINA', 'TATYANA', 'FILIZ', 'LUCIA']);
    });
    (0, node_test_1.it)('escapes the script in SSML', () => {
        const ssml = (0, aws_eum_provider_1.voiceSsml)({ locale: 'en', intro: `Tom & Jerry's <code> "is"`, repeat: 'again >', digits: ['1', '<'], warning: 'a & b' });
        strict_1.default.equal(ssml, '<speak>Tom &amp; Jerry&apos;s &lt;code&gt; &quot;is&quot;<break time="300ms"/>1<break time="400ms"/>&lt;' +
            '<break time="1s"/>again &gt;<break time="300ms"/>1<break time="400ms"/>&lt;<break time="700ms"/>a &amp; b</speak>');
    });
    (0, node_test_1.it)('refuses a call without an origination identity, and a channel it does not serve, without calling AWS', async () => {
        const bare = new aws_eum_provider_1.AwsEumProvider({ ...config, awsEumOriginationIdentity: undefined });
        try {
            fake.reset();
            const noOrigin = await failure(bare.send(call('fr'), signal()));
            strict_1.default.deepEqual([noOrigin.kind, noOrigin.reason, noOrigin.providerCode], ['rejected', 'request', 'no_origination_identity']);
            const whatsapp = await failure(provider.send(sms({ channel: 'whatsapp', code: '481516' }), signal()));
            strict_1.default.deepEqual([whatsapp.kind, whatsapp.reason, whatsapp.providerCode], ['rejected', 'request', 'channel_not_served']);
            strict_1.default.equal(fake.requests.length, 0);
        }
        finally {
            bare.destroy();
        }
    });
    (0, node_test_1.it)('confirms a conversion with PutMessageFeedback RECEIVED', async () => {
        fake.reset();
        const { providerMessageId } = await provider.send(sms(), signal());
        await provider.confirmConversion(providerMessageId);
        strict_1.default.deepEqual(fake.operations('PutMessageFeedback'), [
            { MessageId: providerMessageId, MessageFeedbackStatus: 'RECEIVED' },
        ]);
        fake.reset({ kind: 'server-error' });
        const failed = await failure(provider.confirmConversion(providerMessageId));
        strict_1.default.equal(failed.reason, 'server');
    });
    (0, node_test_1.it)('reads each error family from the wire into the right kind and reason', async () => {
        const err400 = (code) => ({ kind: 'error', status: 400, code });
        const cases = [
            [{ kind: 'number-error', code: 'INVALID_PARAMETER' }, 'permanent', 'invalid_number', 'ValidationException:INVALID_PARAMETER'],
            [err400('ConflictException:DESTINATION_PHONE_NUMBER_OPTED_OUT'), 'permanent', 'opted_out', 'ConflictException:DESTINATION_PHONE_NUMBER_OPTED_OUT'],
            [{ kind: 'number-error', code: 'DESTINATION_COUNTRY_BLOCKED' }, 'rejected', 'region', 'ValidationException:DESTINATION_COUNTRY_BLOCKED'],
            [err400('ValidationException:PRICE_OVER_THRESHOLD'), 'rejected', 'request', 'ValidationException:PRICE_OVER_THRESHOLD'],
            [{ kind: 'error', status: 404, code: 'ResourceNotFoundException' }, 'rejected', 'request', 'ResourceNotFoundException'],
            [err400('AccessDeniedException:ACCOUNT_DISABLED'), 'transient', 'account', 'AccessDeniedException:ACCOUNT_DISABLED'],
            [err400('ServiceQuotaExceededException:MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT'), 'transient', 'throttled', 'ServiceQuotaExceededException:MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT'],
            [{ kind: 'throttle' }, 'transient', 'throttled', 'ThrottlingException'],
            [{ kind: 'server-error' }, 'transient', 'server', 'InternalServerException'],
        ];
        for (const [mode, kind, reason, code] of cases) {
            fake.reset(mode);
            const err = await failure(provider.send(sms(), signal()));
            strict_1.default.deepEqual([err.kind, err.reason, err.providerCode], [kind, reason, code], JSON.stringify(mode));
            strict_1.default.equal(fake.requests.length, 1, 'one attempt: the SDK does not retry');
            strict_1.default.doesNotMatch(err.message, /\d{6}/, 'no number or code in the error');
        }
    });
    (0, node_test_1.it)('stops waiting on a hanging AWS when the signal aborts', async () => {
        fake.reset({ kind: 'hang' });
        const controller = new AbortController();
        const arrived = fake.nextRequest();
        const sending = failure(provider.send(sms(), controller.signal));
        await arrived;
        controller.abort();
        const err = await sending;
        strict_1.default.deepEqual([err.kind, err.reason, err.providerCode], ['transient', 'timeout', 'AbortError']);
        fake.reset();
    });
    (0, node_test_1.it)('reads a refused connection as the network', async () => {
        const gone = new eum_fake_1.EumFake();
        const url = await gone.start();
        await gone.stop();
        const unreachable = new aws_eum_provider_1.AwsEumProvider({ ...config, awsEumEndpoint: url });
        try {
            const err = await failure(unreachable.send(sms(), signal()));
            strict_1.default.deepEqual([err.kind, err.reason], ['transient', 'network']);
        }
        finally {
            unreachable.destroy();
        }
    });
});
//# sourceMappingURL=aws-eum.provider.spec.js.map