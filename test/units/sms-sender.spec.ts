import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Injectable } from '@nestjs/common';
import type { Channel } from '../../src/common/channel';
import { MfaError } from '../../src/common/mfa-error';
import type { MfaConfigOverrides } from '../../src/sms-mfa.settings';
import { CodeIssuer } from '../../src/sms/code-issuer.service';
import {
  ProviderError,
  type SendResult,
  type SmsMessage,
  type SmsProvider,
} from '../../src/sms/providers/sms-provider';
import { DeliveryFailed, SmsSender } from '../../src/sms/sms-sender.service';
import { createTestDatabase, TestDatabase, withClient } from '../support/database';
import { startModuleHost } from '../support/module-host';

/**
 * A host adapter whose next answers are scripted: each send takes the next
 * entry of `script` (a failure to throw, or 'hang' until the send deadline
 * aborts it); with the script empty it accepts the message.
 */
@Injectable()
class ScriptedProvider implements SmsProvider {
  readonly name: string = 'SCRIPTED';
  readonly enabled: boolean = true;
  readonly channels: readonly Channel[] = ['sms'];
  readonly calls: SmsMessage[] = [];
  readonly script: (ProviderError | 'hang')[] = [];

  async send(message: SmsMessage, signal: AbortSignal): Promise<SendResult> {
    this.calls.push(message);
    const next = this.script.shift();
    if (next === 'hang') {
      return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    if (next) throw next;
    return { providerMessageId: `${this.name}-${randomUUID()}`, status: 'queued', segments: 1 };
  }

  callsTo(e164: string): SmsMessage[] {
    return this.calls.filter((m) => m.to === e164);
  }
}

@Injectable()
class AlphaProvider extends ScriptedProvider {
  override readonly name = 'ALPHA';
  override readonly channels: readonly Channel[] = ['sms', 'voice'];
}

@Injectable()
class BetaProvider extends ScriptedProvider {
  override readonly name = 'BETA';
}

/** First by priority, but switched off: never called. */
@Injectable()
class GammaProvider extends ScriptedProvider {
  override readonly name = 'GAMMA';
  override readonly enabled = false;
  override readonly channels: readonly Channel[] = ['sms', 'voice'];
}

type Host = Awaited<ReturnType<typeof startModuleHost>>;

/** A module host with the three scripted adapters (registered out of priority order) on a fresh database. */
function useSenderHost(config: MfaConfigOverrides) {
  const fixture = {} as { host: Host; db: TestDatabase };
  before(async () => {
    fixture.db = await createTestDatabase();
    fixture.host = await startModuleHost({
      useFactory: () => ({
        config: {
          databaseUrl: fixture.db.url,
          nodeEnv: 'test',
          mockSmsEnabled: false,
          cooldownMinutes: 0,
          hourlyLimit: 1000,
          dailyLimit: 1000,
          ...config,
        },
      }),
      jobs: false,
      providers: [BetaProvider, GammaProvider, AlphaProvider],
    });
  });
  after(async () => {
    await fixture.host?.app.close();
    await fixture.db?.drop();
  });
  return fixture;
}

interface AttemptRow {
  provider: string;
  attempt: number;
  status: string;
  error_kind: string | null;
  error_code: string | null;
  failover_to: string | null;
}

let phoneSeq = 0;
/** A fresh, valid US number per send (no fraud rule applies to the sender, but keep them ordinary). */
const nextPhone = () => `+1415203${String(1000 + phoneSeq++).padStart(4, '0')}`;

/**
 * Issues a real challenge (its first attempt row opened for the sender's first
 * candidate, as the dispatcher does), then hands its message to the sender.
 */
async function issueAndDeliver(host: Host, channel: Channel = 'sms') {
  const sender = host.app.get(SmsSender);
  const phone = nextPhone();
  const userId = `user-${phoneSeq}`;
  const first = sender.firstCandidate('US', channel);
  const issued = await host.app.get(CodeIssuer).issue({
    userId,
    phoneE164: phone,
    prefix: phone.slice(0, 6),
    purpose: 'enroll',
    country: 'US',
    firstProvider: first,
    channel,
  });
  const delivery = sender.deliver(
    { channel, to: phone, body: `Your code is ${issued.code}`, reference: issued.id },
    {
      challengeId: issued.id,
      userId,
      country: 'US',
      firstAttempt: { attemptId: issued.firstAttemptId, provider: first },
      encoding: 'GSM-7',
      segments: 1,
      expiresAt: issued.expiresAt,
    },
  );
  return { phone, issued, first, delivery };
}

async function attempts(db: TestDatabase, challengeId: string): Promise<AttemptRow[]> {
  return withClient(db.url, async (c) =>
    (
      await c.query(
        `SELECT provider, attempt, status, error_kind, error_code, failover_to FROM sms_send_log
          WHERE challenge_id = $1 ORDER BY attempt, id`,
        [challengeId],
      )
    ).rows.map((r) => ({ ...r, attempt: Number(r.attempt) })),
  );
}

/** The DeliveryFailed a delivery rejects with. */
async function failureOf(delivery: Promise<unknown>): Promise<DeliveryFailed> {
  const err = await delivery.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof DeliveryFailed, `expected DeliveryFailed, got ${String(err)}`);
  return err;
}

describe('SmsSender: provider order, failover, circuits', () => {
  const fixture = useSenderHost({
    channels: ['sms', 'voice'],
    circuitFailureThreshold: 3,
    circuitHalfOpenMs: 1000,
    providerTimeoutMs: 200,
    providers: { GAMMA: { priority: 1 }, ALPHA: { priority: 10 }, BETA: { priority: 20 } },
  });
  const alpha = () => fixture.host.app.get(AlphaProvider);
  const beta = () => fixture.host.app.get(BetaProvider);
  const gamma = () => fixture.host.app.get(GammaProvider);
  const sender = () => fixture.host.app.get(SmsSender);

  it('orders the providers by configured priority, not by registration order, and never calls a disabled one', async () => {
    const states = sender().providerStates();
    const hosted = states.filter((s) => ['ALPHA', 'BETA', 'GAMMA'].includes(s.name));
    assert.deepEqual(
      hosted.map((s) => [s.name, s.priority, s.enabled]),
      [
        ['GAMMA', 1, false],
        ['ALPHA', 10, true],
        ['BETA', 20, true],
      ],
    );
    assert.deepEqual(
      states.filter((s) => s.enabled).map((s) => s.name),
      ['ALPHA', 'BETA'],
      'the built-in providers are not configured here',
    );

    const { phone, issued, first, delivery } = await issueAndDeliver(fixture.host);
    assert.equal(first, 'ALPHA');
    const done = await delivery;
    assert.equal(done.provider, 'ALPHA');
    assert.equal(done.channel, 'sms');
    assert.equal(done.attempts, 1);
    assert.equal(alpha().callsTo(phone).length, 1);
    assert.equal(
      alpha().callsTo(phone)[0].validitySeconds,
      600,
      "the code's whole lifetime at hand-over (the fake clock stands still)",
    );
    assert.equal(beta().callsTo(phone).length, 0);
    assert.equal(gamma().calls.length, 0, 'a disabled provider is never called');
    assert.deepEqual(await attempts(fixture.db, issued.id), [
      { provider: 'ALPHA', attempt: 1, status: 'queued', error_kind: null, error_code: null, failover_to: null },
    ]);
  });

  it('fails over to the next provider on a transient failure, logging both attempts', async () => {
    alpha().script.push(new ProviderError('server', '503'));
    const { phone, issued, delivery } = await issueAndDeliver(fixture.host);
    const done = await delivery;
    assert.equal(done.provider, 'BETA');
    assert.equal(done.attempts, 2);
    assert.equal(alpha().callsTo(phone).length, 1);
    assert.equal(beta().callsTo(phone).length, 1);
    assert.deepEqual(await attempts(fixture.db, issued.id), [
      {
        provider: 'ALPHA',
        attempt: 1,
        status: 'failed',
        error_kind: 'transient',
        error_code: '503',
        failover_to: 'BETA',
      },
      { provider: 'BETA', attempt: 2, status: 'queued', error_kind: null, error_code: null, failover_to: null },
    ]);
  });

  it('fails over when a provider does not answer before SMS_PROVIDER_TIMEOUT_MS', async () => {
    alpha().script.push('hang');
    const { phone, issued, delivery } = await issueAndDeliver(fixture.host);
    const done = await delivery;
    assert.equal(done.provider, 'BETA');
    assert.equal(beta().callsTo(phone).length, 1);
    const [timedOut] = await attempts(fixture.db, issued.id);
    assert.deepEqual([timedOut.provider, timedOut.error_code, timedOut.error_kind], ['ALPHA', 'timeout', 'transient']);
  });

  it('a refusal of the message (region) fails over without counting on the circuit; refused everywhere → COUNTRY_NOT_ALLOWED', async () => {
    await (
      await issueAndDeliver(fixture.host)
    ).delivery; // ALPHA succeeds: its run of transient failures is reset
    for (let i = 0; i < 3; i++) {
      alpha().script.push(new ProviderError('region', '21408'));
      const { issued, delivery } = await issueAndDeliver(fixture.host);
      assert.equal((await delivery).provider, 'BETA');
      const [refused] = await attempts(fixture.db, issued.id);
      assert.deepEqual([refused.provider, refused.error_kind, refused.failover_to], ['ALPHA', 'rejected', 'BETA']);
    }
    const alphaState = sender()
      .providerStates()
      .find((s) => s.name === 'ALPHA')!;
    assert.equal(alphaState.circuit, 'closed', 'three refusals (the threshold) did not open the circuit');
    assert.equal(sender().firstCandidate('US'), 'ALPHA');

    alpha().script.push(new ProviderError('region'));
    beta().script.push(new ProviderError('region'));
    const { delivery } = await issueAndDeliver(fixture.host);
    const failed = await failureOf(delivery);
    assert.equal(failed.error.code, 'COUNTRY_NOT_ALLOWED');
    assert.equal(failed.refund, false, 'a refused destination counts on the limits');
  });

  it('a refusal of the number (permanent) stops at the first provider with the number’s error', async () => {
    const cases: [ProviderError, string][] = [
      [new ProviderError('invalid_number', '21211'), 'INVALID_PHONE'],
      [new ProviderError('opted_out', '21610'), 'PHONE_OPTED_OUT'],
      [new ProviderError('not_mobile'), 'INVALID_PHONE'],
    ];
    for (const [failure, code] of cases) {
      alpha().script.push(failure);
      const { phone, issued, delivery } = await issueAndDeliver(fixture.host);
      const failed = await failureOf(delivery);
      assert.equal(failed.error.code, code);
      assert.equal(failed.refund, false, 'the number’s fault: not given back');
      assert.equal(beta().callsTo(phone).length, 0, 'no failover');
      assert.deepEqual(await attempts(fixture.db, issued.id), [
        {
          provider: 'ALPHA',
          attempt: 1,
          status: 'failed',
          error_kind: 'permanent',
          error_code: failure.providerCode ?? failure.reason,
          failover_to: null,
        },
      ]);
    }
  });

  it('every provider down → PROVIDERS_UNAVAILABLE, given back to the limits', async () => {
    alpha().script.push(new ProviderError('timeout'));
    beta().script.push(new ProviderError('network'));
    const { issued, delivery } = await issueAndDeliver(fixture.host);
    const failed = await failureOf(delivery);
    assert.equal(failed.error.code, 'PROVIDERS_UNAVAILABLE');
    assert.equal(failed.error.details.retryAfterSeconds, 30);
    assert.equal(failed.refund, true);
    assert.deepEqual(
      (await attempts(fixture.db, issued.id)).map((a) => [a.provider, a.status, a.failover_to]),
      [
        ['ALPHA', 'failed', 'BETA'],
        ['BETA', 'failed', null],
      ],
    );
  });

  it('priceLabels: the routes of a channel, named by provider (and channel beyond SMS), in order', () => {
    assert.deepEqual(sender().priceLabels('sms'), ['ALPHA', 'BETA']);
    assert.deepEqual(sender().priceLabels('voice'), ['ALPHA_VOICE'], 'BETA serves SMS only; GAMMA is disabled');
    assert.deepEqual(sender().priceLabels('whatsapp'), [], 'not an offered channel');
  });

  it('firstCandidate: the first callable route of the channel, or PROVIDERS_UNAVAILABLE', () => {
    assert.equal(sender().firstCandidate('US'), 'ALPHA');
    assert.equal(sender().firstCandidate(undefined, 'voice'), 'ALPHA');
    assert.throws(
      () => sender().firstCandidate('US', 'whatsapp'),
      (err: unknown) =>
        err instanceof MfaError && err.code === 'PROVIDERS_UNAVAILABLE' && err.details.retryAfterSeconds === 30,
    );
  });

  it('opens a route’s circuit after SMS_CIRCUIT_FAILURE_THRESHOLD transient failures, skips it, and probes it once the wait passed', async () => {
    await (
      await issueAndDeliver(fixture.host)
    ).delivery; // a success: the run starts from zero
    for (let i = 0; i < 3; i++) {
      alpha().script.push(new ProviderError('server'));
      assert.equal((await (await issueAndDeliver(fixture.host)).delivery).provider, 'BETA');
    }
    assert.equal(
      sender()
        .providerStates()
        .find((s) => s.name === 'ALPHA')!.channels.sms,
      'open',
    );
    assert.equal(sender().firstCandidate('US'), 'BETA', 'an open circuit is no candidate');
    assert.equal(sender().firstCandidate('US', 'voice'), 'ALPHA', 'circuits are per route: the voice route is closed');

    const skipped = await issueAndDeliver(fixture.host);
    const done = await skipped.delivery;
    assert.equal(done.provider, 'BETA');
    assert.equal(done.attempts, 1);
    assert.equal(alpha().callsTo(skipped.phone).length, 0, 'skipped while open');

    fixture.host.clock.advance(1000);
    assert.equal(sender().firstCandidate('US'), 'ALPHA', 'the half-open wait passed on the injected clock');
    const probe = await issueAndDeliver(fixture.host);
    assert.equal((await probe.delivery).provider, 'ALPHA');
    assert.equal(
      sender()
        .providerStates()
        .find((s) => s.name === 'ALPHA')!.channels.sms,
      'closed',
      'the probe closed it',
    );
  });
});

describe('SmsSender: provider budgets', () => {
  const fixture = useSenderHost({
    providers: { ALPHA: { priority: 10, maxPerMinute: 1 }, BETA: { priority: 20, maxPerMinute: 1 } },
  });
  const alpha = () => fixture.host.app.get(AlphaProvider);
  const beta = () => fixture.host.app.get(BetaProvider);
  const sender = () => fixture.host.app.get(SmsSender);
  const budgetRow = async (provider: string) =>
    withClient(
      fixture.db.url,
      async (c) =>
        (await c.query(`SELECT minute_count FROM sms_provider_budgets WHERE provider = $1`, [provider])).rows[0],
    );

  it('skips a provider whose budget is spent, reassigning the attempt opened for it; all spent → PROVIDERS_UNAVAILABLE', async () => {
    for (let i = 0; i < 5; i++) assert.equal(sender().firstCandidate('US'), 'ALPHA');
    assert.equal(await budgetRow('ALPHA'), undefined, 'firstCandidate takes no slot');

    const one = await issueAndDeliver(fixture.host);
    assert.equal((await one.delivery).provider, 'ALPHA', 'its one slot of the minute');
    assert.equal((await budgetRow('ALPHA')).minute_count, 1);

    const two = await issueAndDeliver(fixture.host);
    assert.equal(two.first, 'ALPHA', 'firstCandidate does not read budgets');
    const second = await two.delivery;
    assert.equal(second.provider, 'BETA');
    assert.equal(second.attempts, 1, 'a spent budget is no attempt');
    assert.equal(alpha().callsTo(two.phone).length, 0);
    assert.deepEqual(
      (await attempts(fixture.db, two.issued.id)).map((a) => [a.provider, a.attempt, a.status]),
      [['BETA', 1, 'queued']],
      'the row opened for ALPHA went to BETA',
    );

    const three = await issueAndDeliver(fixture.host);
    const failed = await failureOf(three.delivery);
    assert.equal(failed.error.code, 'PROVIDERS_UNAVAILABLE');
    assert.equal(failed.refund, true, 'no provider could take it: given back');
    assert.equal(alpha().callsTo(three.phone).length + beta().callsTo(three.phone).length, 0);
    assert.deepEqual(
      (await attempts(fixture.db, three.issued.id)).map((a) => [a.provider, a.status, a.error_code]),
      [['ALPHA', 'failed', 'no_provider']],
      'the unused row records why',
    );
  });

  it('a new minute brings the budget back', async () => {
    fixture.host.clock.advanceMinutes(1);
    const next = await issueAndDeliver(fixture.host);
    assert.equal((await next.delivery).provider, 'ALPHA');
  });
});
