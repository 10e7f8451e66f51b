import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMfaConfig } from '../../sms-mfa.settings';
import { BUILT_IN_TEMPLATES } from './catalog';
import { negotiateLocale, parseAcceptLanguage } from './locale';
import { MessageRenderer } from './message-renderer';
import { smsSize } from './sms-encoding';
import { VOICE_PHRASES } from './voice-scripts';

const LOCALES = ['en', 'es', 'fr', 'ar', 'fa', 'ps', 'uk', 'ru', 'tr', 'so', 'ti', 'sw'];
const GSM7 = new Set(['en', 'es', 'fr', 'so', 'sw']);

describe('built-in templates', () => {
  const renderer = new MessageRenderer(loadMfaConfig({ SMS_CODE_LENGTH: '10' }));

  it('cover every language of the people served', () => {
    assert.deepEqual(Object.keys(BUILT_IN_TEMPLATES).sort(), [...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    it(`${locale}: fills every placeholder and fits one ${GSM7.has(locale) ? 'GSM-7' : 'UCS-2'} segment with a 10-digit code`, () => {
      const message = renderer.render('0123456789', [locale]);
      assert.equal(message.locale, locale);
      assert.ok(message.body.includes('0123456789'));
      assert.ok(message.body.includes('Haven Health'));
      assert.ok(message.body.includes('10'));
      assert.doesNotMatch(message.body, /[{}]/);
      assert.equal(message.encoding, GSM7.has(locale) ? 'GSM-7' : 'UCS-2');
      assert.equal(message.segments, 1);
    });
  }
});

describe('smsSize', () => {
  it('counts GSM-7 septets, extension characters as two, and splits at 153 per part', () => {
    assert.deepEqual(smsSize('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
    assert.deepEqual(smsSize('a'.repeat(161)), { encoding: 'GSM-7', units: 161, segments: 2 });
    assert.deepEqual(smsSize('€'.repeat(80)), { encoding: 'GSM-7', units: 160, segments: 1 });
  });

  it('switches the whole message to UCS-2 for one character outside GSM-7, 67 per part', () => {
    assert.deepEqual(smsSize('a'.repeat(69) + 'ş'), { encoding: 'UCS-2', units: 70, segments: 1 });
    assert.deepEqual(smsSize('a'.repeat(70) + 'ş'), { encoding: 'UCS-2', units: 71, segments: 2 });
    assert.equal(smsSize('código').encoding, 'UCS-2');
  });
});

describe('locale negotiation', () => {
  const available = [...LOCALES, 'pt-BR'];

  it('honours Accept-Language q-values and falls back from a region to its language', () => {
    assert.equal(negotiateLocale(['de-DE,de;q=0.9,fr;q=0.8,en;q=0.7'], available, 'en'), 'fr');
    assert.equal(negotiateLocale(['ar-SY'], available, 'en'), 'ar');
    assert.equal(negotiateLocale(['pt-br'], available, 'en'), 'pt-BR');
    assert.equal(negotiateLocale(['en;q=0.2, so'], available, 'en'), 'so');
  });

  it('prefers earlier sources, skips unusable ones and falls back to en', () => {
    assert.equal(negotiateLocale([undefined, 'ti', 'fa'], available, 'en'), 'ti');
    assert.equal(negotiateLocale(['xx', 'fa'], available, 'en'), 'fa');
    assert.equal(negotiateLocale(['de', '*', 'q=1'], available, 'en'), 'en');
  });

  it('parses junk without throwing', () => {
    assert.deepEqual(parseAcceptLanguage(';;;,,q=abc, fr;q=0, <script>'), []);
  });
});

describe('message options', () => {
  it('lets host templates override and add locales', () => {
    const renderer = new MessageRenderer(
      loadMfaConfig({}, { templates: { en: 'Code {code} for {app}', 'pt-BR': 'Seu codigo {app}: {code}' } }),
    );
    assert.equal(renderer.render('123456').body, 'Code 123456 for Haven Health');
    assert.equal(renderer.render('123456', ['pt-BR']).body, 'Seu codigo Haven Health: 123456');
  });

  it('ends with the origin-bound WebOTP line when SMS_WEBOTP_DOMAIN is set', () => {
    const renderer = new MessageRenderer(loadMfaConfig({ SMS_WEBOTP_DOMAIN: 'health.example.org' }));
    const lines = renderer.render('482913').body.split('\n');
    assert.equal(lines.at(-1), '@health.example.org #482913');
    assert.equal(lines.at(-2), '');
  });

  it('refuses a host template without {code} at start-up', () => {
    assert.throws(() => loadMfaConfig({}, { templates: { en: 'no code here' } }), /SMS_TEMPLATES_JSON/);
  });
});

describe('voice scripts', () => {
  const renderer = new MessageRenderer(loadMfaConfig({}));

  for (const locale of LOCALES) {
    it(`${locale}: the digits one by one, twice, in the language where the voices speak it (English otherwise)`, () => {
      const call = renderer.renderFor('voice', '482913', [locale]);
      const spoken = VOICE_PHRASES[locale] ? locale : 'en';
      assert.equal(call.locale, spoken);
      assert.equal(call.voice!.script.locale, spoken);
      assert.deepEqual(call.voice!.script.digits, ['4', '8', '2', '9', '1', '3']);
      assert.equal(call.voice!.english.locale, 'en');
      assert.ok(call.voice!.script.intro.includes('Haven Health'));
      assert.equal(call.body.split('4, 8, 2, 9, 1, 3.').length, 3, 'said twice');
      assert.equal(call.segments, 1);
      assert.equal(call.encoding, 'voice');
    });
  }
});

describe('the SMS Retriever hash (SMS_ANDROID_APP_HASH)', () => {
  const hash = 'FA+9qCX9VSu';

  for (const locale of LOCALES) {
    it(`${locale}: with the WebOTP line, the hash ends the message, and it stays one segment`, () => {
      const renderer = new MessageRenderer(
        loadMfaConfig({}, { webOtpDomain: 'health.example.org', androidAppHash: hash }),
      );
      const { body, segments } = renderer.render('482913', [locale]);
      assert.equal(segments, 1, body);
      const lines = body.split('\n');
      assert.equal(lines.at(-1), `@health.example.org #482913 ${hash}`);
      assert.ok(body.slice(0, body.lastIndexOf('\n')).includes('482913'), 'the code is in the text too');
    });
  }

  it('without a WebOTP domain, the hash is the last line', () => {
    const renderer = new MessageRenderer(loadMfaConfig({}, { androidAppHash: hash }));
    const { body, segments } = renderer.render('482913', ['en']);
    assert.equal(body.split('\n').at(-1), hash);
    assert.equal(segments, 1);
    assert.match(body, /expires in 10 min/, 'the full message fits: nothing dropped');
  });

  it('is refused at start-up unless it is 11 characters of the hash alphabet', () => {
    for (const bad of ['short', 'FA+9qCX9VSu1', 'FA 9qCX9VSu', 'FA+9qCX9VS!']) {
      assert.throws(() => loadMfaConfig({ SMS_ANDROID_APP_HASH: bad }), /SMS_ANDROID_APP_HASH must be/);
    }
  });
});
