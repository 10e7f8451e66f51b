import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EumFake } from '../../../../test/fakes/eum-fake';
import { ProviderError, SmsMessage, VoiceScript } from '../sms-provider';
import type { AwsEumConfig } from './aws-eum.config';
import { AwsEumProvider, eumTimeToLive, eumVoiceFor, voiceSsml } from './aws-eum.provider';

const TO = '+447700900123';
const DIGITS = ['4', '8', '1', '5', '1', '6'];

const script = (locale: string, intro: string, repeat: string): VoiceScript => ({
  locale,
  intro,
  repeat,
  digits: DIGITS,
  warning: 'Never share it.',
});
const ENGLISH = script('en', 'Your Haven code is', 'Again, your code is');

function sms(overrides: Partial<SmsMessage> = {}): SmsMessage {
  return {
    channel: 'sms',
    to: TO,
    body: 'Haven: your code is 481516. It expires in 5 min. Never share it.',
    reference: randomUUID(),
    validitySeconds: 287,
    maxPriceUsd: 0.05,
    ...overrides,
  };
}

function call(locale: string, overrides: Partial<SmsMessage> = {}): SmsMessage {
  return sms({
    channel: 'voice',
    body: 'Your code is 4 8 1 5 1 6',
    voice: { script: script(locale, `intro in ${locale}`, `repeat in ${locale}`), english: ENGLISH },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ProviderError, `a ProviderError, not ${String(err)}`);
    return err;
  }
  assert.fail('expected a ProviderError');
}

describe('AWS End User Messaging adapter, through the real SDK', () => {
  const fake = new EumFake();
  let config: AwsEumConfig;
  let provider: AwsEumProvider;
  const signal = () => new AbortController().signal;

  before(async () => {
    // The SDK reads credentials from the standard chain; here, the environment.
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
    provider = new AwsEumProvider(config);
  });

  after(async () => {
    provider.destroy();
    await fake.stop();
  });

  it('serves SMS and voice, and builds no client when disabled', () => {
    assert.equal(provider.name, 'AWS_EUM');
    assert.deepEqual(provider.channels, ['sms', 'voice']);
    assert.equal(provider.enabled, true);
    const off = new AwsEumProvider({ ...config, awsEumEnabled: false });
    assert.equal(off.enabled, false);
    off.destroy(); // nothing to close
  });

  it('sends a signed SendTextMessage with every field, and returns its MessageId', async () => {
    fake.reset();
    const message = sms();
    const result = await provider.send(message, signal());

    assert.equal(fake.requests.length, 1);
    const [req] = fake.requests;
    assert.equal(req.headers['x-amz-target'], 'PinpointSMSVoiceV2.SendTextMessage');
    assert.equal(req.headers['content-type'], 'application/x-amz-json-1.0');
    assert.match(
      req.headers.authorization ?? '',
      /^AWS4-HMAC-SHA256 Credential=AKID\w+\/\d{8}\/eu-west-1\/sms-voice\/aws4_request/,
    );
    assert.deepEqual(fake.operations('SendTextMessage'), [
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
    assert.equal(result.status, 'queued');
    assert.match(result.providerMessageId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('leaves out what is not configured, and clamps TimeToLive into 5..259200 whole seconds', async () => {
    const bare = new AwsEumProvider({
      ...config,
      awsEumOriginationIdentity: undefined,
      awsEumConfigurationSet: undefined,
    });
    try {
      fake.reset();
      await bare.send(sms({ maxPriceUsd: undefined, validitySeconds: 2.9 }), signal());
      const [body] = fake.operations('SendTextMessage');
      assert.equal('OriginationIdentity' in body, false);
      assert.equal('ConfigurationSetName' in body, false);
      assert.equal('MaxPrice' in body, false);
      assert.equal(body.TimeToLive, 5);
    } finally {
      bare.destroy();
    }
    assert.equal(eumTimeToLive(299.7), 299);
    assert.equal(eumTimeToLive(10_000_000), 259_200);
    assert.equal(eumTimeToLive(-3), 5);
  });

  it('calls in the user language with its voice, reading the digits one by one twice in SSML', async () => {
    fake.reset();
    const message = call('fr');
    const result = await provider.send(message, signal());

    const [body] = fake.operations('SendVoiceMessage');
    assert.equal(fake.requests[0].headers['x-amz-target'], 'PinpointSMSVoiceV2.SendVoiceMessage');
    const digits = DIGITS.join('<break time="400ms"/>');
    assert.deepEqual(body, {
      DestinationPhoneNumber: TO,
      OriginationIdentity: '+15005550006',
      MessageBody:
        `<speak>intro in fr<break time="300ms"/>${digits}` +
        `<break time="1s"/>repeat in fr<break time="300ms"/>${digits}<break time="700ms"/>Never share it.</speak>`,
      MessageBodyTextType: 'SSML',
      VoiceId: 'LEA',
      ConfigurationSetName: 'mfa-events',
      TimeToLive: 287,
      MaxPricePerMinute: '0.05000',
      MessageFeedbackEnabled: true,
      Context: { challengeId: message.reference },
    });
    assert.equal(String(body.MessageBody).split(digits).length - 1, 2, 'the digits are read twice');
    assert.equal(result.status, 'queued');
  });

  it('calls in English with JOANNA where no voice speaks the user language', async () => {
    for (const locale of ['sw', 'uk']) {
      fake.reset();
      await provider.send(call(locale), signal());
      const [body] = fake.operations('SendVoiceMessage');
      assert.equal(body.VoiceId, 'JOANNA', locale);
      assert.match(String(body.MessageBody), /^<speak>Your Haven code is<break/, locale);
      assert.doesNotMatch(String(body.MessageBody), new RegExp(`in ${locale}`), locale);
    }
    assert.deepEqual(
      ['en', 'es', 'fr', 'ar', 'ru', 'tr', 'es-MX'].map((locale) => eumVoiceFor(call(locale)).voiceId),
      ['JOANNA', 'LUCIA', 'LEA', 'ZEINA', 'TATYANA', 'FILIZ', 'LUCIA'],
    );
  });

  it('escapes the script in SSML', () => {
    const ssml = voiceSsml({ locale: 'en', intro: `Tom & Jerry's <code> "is"`, repeat: 'again >', digits: ['1', '<'], warning: 'a & b' });
    assert.equal(
      ssml,
      '<speak>Tom &amp; Jerry&apos;s &lt;code&gt; &quot;is&quot;<break time="300ms"/>1<break time="400ms"/>&lt;' +
        '<break time="1s"/>again &gt;<break time="300ms"/>1<break time="400ms"/>&lt;<break time="700ms"/>a &amp; b</speak>',
    );
  });

  it('refuses a call without an origination identity, and a channel it does not serve, without calling AWS', async () => {
    const bare = new AwsEumProvider({ ...config, awsEumOriginationIdentity: undefined });
    try {
      fake.reset();
      const noOrigin = await failure(bare.send(call('fr'), signal()));
      assert.deepEqual(
        [noOrigin.kind, noOrigin.reason, noOrigin.providerCode],
        ['rejected', 'request', 'no_origination_identity'],
      );
      const whatsapp = await failure(provider.send(sms({ channel: 'whatsapp', code: '481516' }), signal()));
      assert.deepEqual(
        [whatsapp.kind, whatsapp.reason, whatsapp.providerCode],
        ['rejected', 'request', 'channel_not_served'],
      );
      assert.equal(fake.requests.length, 0);
    } finally {
      bare.destroy();
    }
  });

  it('confirms a conversion with PutMessageFeedback RECEIVED', async () => {
    fake.reset();
    const { providerMessageId } = await provider.send(sms(), signal());
    await provider.confirmConversion(providerMessageId!);
    assert.deepEqual(fake.operations('PutMessageFeedback'), [
      { MessageId: providerMessageId, MessageFeedbackStatus: 'RECEIVED' },
    ]);
    fake.reset({ kind: 'server-error' });
    const failed = await failure(provider.confirmConversion(providerMessageId!));
    assert.equal(failed.reason, 'server');
  });

  it('reads each error family from the wire into the right kind and reason', async () => {
    const err400 = (code: string) => ({ kind: 'error' as const, status: 400, code });
    // What the fake answers, then the kind, reason and provider code the adapter must read from it.
    const cases: [Parameters<EumFake['reset']>[0], string, string, string][] = [
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
      assert.deepEqual([err.kind, err.reason, err.providerCode], [kind, reason, code], JSON.stringify(mode));
      assert.equal(fake.requests.length, 1, 'one attempt: the SDK does not retry');
      assert.doesNotMatch(err.message, /\d{6}/, 'no number or code in the error');
    }
  });

  it('stops waiting on a hanging AWS when the signal aborts', async () => {
    fake.reset({ kind: 'hang' });
    const controller = new AbortController();
    const arrived = fake.nextRequest();
    const sending = failure(provider.send(sms(), controller.signal));
    await arrived;
    controller.abort();
    const err = await sending;
    assert.deepEqual([err.kind, err.reason, err.providerCode], ['transient', 'timeout', 'AbortError']);
    fake.reset();
  });

  it('reads a refused connection as the network', async () => {
    const gone = new EumFake();
    const url = await gone.start();
    await gone.stop();
    const unreachable = new AwsEumProvider({ ...config, awsEumEndpoint: url });
    try {
      const err = await failure(unreachable.send(sms(), signal()));
      assert.deepEqual([err.kind, err.reason], ['transient', 'network']);
    } finally {
      unreachable.destroy();
    }
  });
});
