import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ChallengeVerifier } from '../../src/challenges/challenge-verifier.service';
import { MfaError } from '../../src/common/mfa-error';
import { MfaEvent, type MfaEventPayload } from '../../src/common/mfa-events';
import { parsePhone } from '../../src/phone/phone-number';
import { OptOutsRepository } from '../../src/sms/opt-outs.repository';
import { MockSmsProvider } from '../../src/sms/providers/mock/mock-sms.provider';
import { offeredChannel, SmsDispatcher, type DispatchRequest } from '../../src/sms/sms-dispatcher.service';
import { withClient } from '../support/database';
import { useModuleHost } from '../support/module-host';

const TEST_NUMBER = '+14155550100'; // a fictional range: only its being a test number lets it through the fraud rules
const PORTUGUESE = '{app}: o seu código é {code}. Expira em {minutes} min. Não o partilhe.';

const isMfaError = (code: string) => (err: unknown) => err instanceof MfaError && err.code === code;

describe('SmsDispatcher.dispatch', () => {
  const fixture = useModuleHost({
    cooldownMinutes: 0,
    blockedCountries: ['FR'],
    testNumbers: { [TEST_NUMBER]: '424242' },
    templates: { pt: PORTUGUESE },
  });
  const host = fixture.host;
  const db = fixture.db;
  const dispatcher = () => host().app.get(SmsDispatcher);
  const outbox = () => host().app.get(MockSmsProvider);


  let ipSeq = 1;
  /** An enrolment request as SmsFactorService builds one (each from its own client address). */
  const enrolment = (userId: string, phone: string, extra: Partial<DispatchRequest> = {}): DispatchRequest => ({
    userId,
    channel: 'sms',
    phone: parsePhone(phone),
    purpose: 'enroll',
    context: { ip: `203.0.113.${ipSeq++}` },
    withStatistics: true,
    locales: [],
    ...extra,
  });

  /** What exists for a user or a number in every table a send writes. */
  const written = (userId: string, phone: string) =>
    withClient(db().url, async (c) => {
      const count = async (sql: string) => (await c.query(sql, [userId, phone])).rows[0].n as number;
      return {
        challenges: await count(`SELECT count(*)::int AS n FROM mfa_challenges WHERE user_id = $1 OR phone_e164 = $2`),
        factors: await count(`SELECT count(*)::int AS n FROM mfa_sms_factors WHERE user_id = $1 OR phone_e164 = $2`),
        sendLog: await count(`SELECT count(*)::int AS n FROM sms_send_log WHERE user_id = $1 OR $2 = ''`),
        counters: await count(
          `SELECT count(*)::int AS n FROM sms_send_counters WHERE subject = 'user:' || $1 OR subject LIKE '%' || $2 || '%'`,
        ),
        fraudEvents: await count(`SELECT count(*)::int AS n FROM sms_fraud_events WHERE user_id = $1 OR $2 = ''`),
      };
    });
  const nothing = { challenges: 0, factors: 0, sendLog: 0, counters: 0, fraudEvents: 0 };

  const challengeRow = (id: string) =>
    withClient(db().url, async (c) => (await c.query(`SELECT * FROM mfa_challenges WHERE id = $1`, [id])).rows[0]);

  it('refuses an opted-out number with PHONE_OPTED_OUT before anything is written (before the fraud rules too)', async () => {
    const phone = '+14155550142'; // the test_range rule would refuse it, and record an event, if it ran
    await host().app.get(OptOutsRepository).optOut(phone, 'STOP', 'MOCK', host().clock.now());
    await assert.rejects(dispatcher().dispatch(enrolment('opted-out-user', phone)), isMfaError('PHONE_OPTED_OUT'));
    assert.deepEqual(await written('opted-out-user', phone), nothing);
    assert.equal(outbox().messagesTo(phone).length, 0);

    // A standing the caller read with the number (a factor row) is taken as given.
    const other = '+14152040111';
    await assert.rejects(
      dispatcher().dispatch(
        enrolment('known-user', other, { known: { optedOut: true, countryRules: { allowListActive: false } } }),
      ),
      isMfaError('PHONE_OPTED_OUT'),
    );
    assert.deepEqual(await written('known-user', other), nothing);
  });

  it('refuses a number of a blocked country with COUNTRY_NOT_ALLOWED, writing nothing', async () => {
    const french = '+33698765421';
    await assert.rejects(dispatcher().dispatch(enrolment('traveller', french)), isMfaError('COUNTRY_NOT_ALLOWED'));
    assert.deepEqual(await written('traveller', french), nothing);
    assert.equal(outbox().messagesTo(french).length, 0);
  });

  it('gives a test number its fixed code without a provider or a limit (TEST in the send log)', async () => {
    const sent = await dispatcher().dispatch(enrolment('reviewer', TEST_NUMBER));
    assert.equal(sent.channel, 'sms');
    assert.equal(sent.maskedPhone, '+1 ••• ••• 0100');
    assert.equal(outbox().messagesTo(TEST_NUMBER).length, 0, 'no provider called');
    const state = await written('reviewer', TEST_NUMBER);
    assert.deepEqual([state.counters, state.fraudEvents], [0, 0], 'no limit counted, no fraud rule');
    const log = await withClient(
      db().url,
      async (c) =>
        (await c.query(`SELECT provider, status FROM sms_send_log WHERE challenge_id = $1`, [sent.challengeId])).rows,
    );
    assert.deepEqual(log, [{ provider: 'TEST', status: 'delivered' }]);

    const verified = await host().app.get(ChallengeVerifier).verify('reviewer', 'enroll', '424242');
    assert.equal(verified.challenge.id, sent.challengeId, 'the fixed code is the code of that challenge');
  });

  it('dispatches a code through the provider and answers with the masked number, never the code', async () => {
    const phone = '+14152040101';
    const events: MfaEventPayload[] = [];
    const listener = (payload: MfaEventPayload) => events.push(payload);
    const emitter = host().app.get(EventEmitter2);
    emitter.on(MfaEvent.SmsSent, listener);
    const sent = await dispatcher()
      .dispatch(enrolment('alice', phone))
      .finally(() => emitter.off(MfaEvent.SmsSent, listener));

    const message = outbox().lastMessageTo(phone);
    assert.ok(message, 'the mock provider took it');
    const code = message.body.match(/\b(\d{6})\b/)?.[1];
    assert.ok(code, `a 6-digit code in ${message.body}`);
    assert.match(message.body, /^Haven Health: your code is \d{6}\./);

    assert.deepEqual(Object.keys(sent).sort(), [
      'challengeId',
      'channel',
      'expiresAt',
      'factorId',
      'maskedPhone',
      'resendAvailableAt',
    ]);
    assert.equal(sent.maskedPhone, '+1 ••• ••• 0101');
    assert.equal(sent.channel, 'sms');
    assert.equal(sent.expiresAt.getTime() - host().clock.now().getTime(), 10 * 60_000);
    assert.ok(!JSON.stringify(sent).includes(code), 'the answer never carries the code');
    assert.ok(!JSON.stringify(sent).includes('2040101'), 'nor the number');

    const row = await challengeRow(sent.challengeId);
    assert.equal(row.factor_id, sent.factorId, "the enrolment's factor");
    assert.equal(row.phone_e164, phone);
    const log = await withClient(
      db().url,
      async (c) =>
        (await c.query(`SELECT provider, status FROM sms_send_log WHERE challenge_id = $1`, [sent.challengeId])).rows,
    );
    assert.deepEqual(log, [{ provider: 'MOCK', status: 'delivered' }]);

    assert.equal(events.length, 1);
    assert.equal(events[0].challengeId, sent.challengeId);
    assert.equal(events[0].maskedPhone, '+1 ••• ••• 0101');
    assert.equal(events[0].provider, 'MOCK');
    assert.ok(!JSON.stringify(events[0]).includes(code), 'the event never carries the code');
  });

  it('decides the locale once: a pt-BR preference renders the message in Portuguese, recorded with the challenge', async () => {
    const phone = '+14152040102';
    const sent = await dispatcher().dispatch(enrolment('ana', phone, { locales: ['pt-BR', 'fr'] }));
    assert.match(outbox().lastMessageTo(phone)!.body, /^Haven Health: o seu código é \d{6}\. Expira em 10 min\./);
    assert.equal((await challengeRow(sent.challengeId)).locale, 'pt');

    // An Accept-Language value further down the list, by q: de is not offered, pt is.
    const second = '+14152040103';
    const again = await dispatcher().dispatch(
      enrolment('joao', second, { locales: [undefined, 'de-DE, pt;q=0.8, en;q=0.5'] }),
    );
    assert.match(outbox().lastMessageTo(second)!.body, /o seu código é/);
    assert.equal((await challengeRow(again.challengeId)).locale, 'pt');

    // No usable preference: the default locale.
    const third = '+14152040104';
    const plain = await dispatcher().dispatch(enrolment('nobody', third, { locales: ['xx-YY'] }));
    assert.match(outbox().lastMessageTo(third)!.body, /your code is/);
    assert.equal((await challengeRow(plain.challengeId)).locale, 'en');
  });
});

describe('offeredChannel', () => {
  it('takes the asked channel when offered, SMS when none is asked', () => {
    assert.equal(offeredChannel(['sms'], undefined), 'sms');
    assert.equal(offeredChannel(['sms', 'voice'], 'voice'), 'voice');
    assert.equal(offeredChannel(['sms', 'whatsapp'], 'whatsapp'), 'whatsapp');
  });

  it('refuses a channel that is not offered with CHANNEL_NOT_AVAILABLE, naming the offered ones', () => {
    assert.throws(
      () => offeredChannel(['sms'], 'voice'),
      (err: unknown) =>
        isMfaError('CHANNEL_NOT_AVAILABLE')(err) && (err as MfaError).message === 'Codes can be sent by: sms.',
    );
    assert.throws(
      () => offeredChannel(['voice', 'whatsapp'], undefined),
      isMfaError('CHANNEL_NOT_AVAILABLE'),
      'SMS, the default, not offered',
    );
    assert.throws(() => offeredChannel(['sms', 'voice'], 'pigeon'), isMfaError('CHANNEL_NOT_AVAILABLE'));
  });
});
