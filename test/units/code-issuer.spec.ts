import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { MfaError } from '../../src/common/mfa-error';
import { CodeIssuer, type IssueRequest } from '../../src/sms/code-issuer.service';
import { withClient } from '../support/database';
import { useModuleHost } from '../support/module-host';

const SECRET = 'code-issuer-secret-code-issuer-secret-0001';

describe('CodeIssuer', () => {
  const fixture = useModuleHost({ codeSecret: SECRET, cooldownMinutes: 1, progressiveCooldown: false, hourlyLimit: 5 });
  const host = fixture.host;
  const db = fixture.db;
  const issuer = () => host().app.get(CodeIssuer);


  /** Each user asks from a client address of its own (the ip subject is shared by everyone behind one). */
  const addresses = new Map<string, string>();
  const ipOf = (userId: string) => {
    if (!addresses.has(userId)) addresses.set(userId, `198.51.100.${addresses.size + 1}`);
    return addresses.get(userId)!;
  };
  /** An enrolment code for `phone` from the user's client address, its first attempt opened for MOCK. */
  const request = (userId: string, phone: string): IssueRequest => ({
    userId,
    phoneE164: phone,
    prefix: phone.slice(0, 6),
    purpose: 'enroll',
    clientIp: ipOf(userId),
    country: 'US',
    firstProvider: 'MOCK',
    channel: 'sms',
  });

  /** Sends recorded per subject (only the subjects asked about). */
  const counters = (subjects: string[]) =>
    withClient(db().url, async (c) =>
      Object.fromEntries(
        (
          await c.query(`SELECT subject, cardinality(sends) AS n FROM sms_send_counters WHERE subject = ANY ($1)`, [
            subjects,
          ])
        ).rows.map((r) => [r.subject, Number(r.n)]),
      ),
    );
  const challenge = (id: string) =>
    withClient(db().url, async (c) => (await c.query(`SELECT * FROM mfa_challenges WHERE id = $1`, [id])).rows[0]);
  const factor = (id: string) =>
    withClient(db().url, async (c) => (await c.query(`SELECT * FROM mfa_sms_factors WHERE id = $1`, [id])).rows[0]);

  it('an issue counts on every limit it is subject to; a second within the cooldown is refused with COOLDOWN, counting nothing', async () => {
    const phone = '+14152050101';
    const first = await issuer().issue(request('ines', phone));
    assert.deepEqual(
      first.countedOn.sort(),
      [`enroll:${phone}`, `enroll:${phone}:ip:${ipOf('ines')}`, `ip:${ipOf('ines')}`, 'user:ines'].sort(),
    );
    assert.deepEqual(await counters(first.countedOn), Object.fromEntries(first.countedOn.map((s) => [s, 1])));
    assert.equal(
      first.resendAvailableAt.getTime() - first.createdAt.getTime(),
      60_000,
      'the cooldown this send imposes',
    );

    const attempt = await withClient(
      db().url,
      async (c) =>
        (await c.query(`SELECT provider, attempt, status FROM sms_send_log WHERE id = $1`, [first.firstAttemptId]))
          .rows[0],
    );
    assert.deepEqual(
      { ...attempt, attempt: Number(attempt.attempt) },
      { provider: 'MOCK', attempt: 1, status: 'sending' },
    );

    host().clock.advance(20_000);
    const refused = await issuer()
      .issue(request('ines', phone))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(refused instanceof MfaError, `expected an MfaError, got ${String(refused)}`);
    assert.equal(refused.code, 'COOLDOWN');
    assert.equal(refused.details.limit, 'user_cooldown');
    assert.equal(refused.details.retryAfterSeconds, 40);
    assert.deepEqual(
      await counters(first.countedOn),
      Object.fromEntries(first.countedOn.map((s) => [s, 1])),
      'a refusal counts nothing',
    );
    assert.equal((await challenge(first.id)).invalidated_at, null, 'and leaves the live code alone');

    host().clock.advance(40_000);
    const later = await issuer().issue(request('ines', phone));
    assert.deepEqual(await counters(later.countedOn), Object.fromEntries(later.countedOn.map((s) => [s, 2])));
    assert.notEqual((await challenge(first.id)).invalidated_at, null, 'the new code replaces the old one');
  });

  it('the hourly limit refuses with RATE_LIMITED once reached', async () => {
    const phones = Array.from({ length: 6 }, (_, i) => `+1415205020${i}`);
    for (const phone of phones.slice(0, 5)) {
      await issuer().issue({ ...request('henrique', phone), clientIp: undefined });
      host().clock.advance(61_000);
    }
    await assert.rejects(
      issuer().issue({ ...request('henrique', phones[5]), clientIp: undefined }),
      (err: unknown) => err instanceof MfaError && err.code === 'RATE_LIMITED' && err.details.limit === 'user_hourly',
    );
  });

  it('withdraw with refund gives the send back: the code dies, its new factor goes, the next issue is not held to the cooldown', async () => {
    const phone = '+14152050301';
    const issued = await issuer().issue(request('joana', phone));
    assert.ok(await factor(issued.factorId), "the enrolment's factor exists");

    await issuer().withdraw(issued, true);
    assert.deepEqual(
      await counters(issued.countedOn),
      Object.fromEntries(issued.countedOn.map((s) => [s, 0])),
      'every subject given back',
    );
    assert.notEqual((await challenge(issued.id)).invalidated_at, null, 'the code can never be verified');
    assert.equal(await factor(issued.factorId), undefined, 'a withdrawn enrolment leaves no factor');

    const again = await issuer().issue(request('joana', phone));
    assert.ok(again.id, 'no cooldown: the withdrawn send never counted');
  });

  it('withdraw without refund keeps the send on the limits', async () => {
    const phone = '+14152050401';
    const issued = await issuer().issue(request('kiko', phone));
    await issuer().withdraw(issued, false);
    assert.deepEqual(await counters(issued.countedOn), Object.fromEntries(issued.countedOn.map((s) => [s, 1])));
    assert.notEqual((await challenge(issued.id)).invalidated_at, null);
    await assert.rejects(
      issuer().issue(request('kiko', phone)),
      (err: unknown) => err instanceof MfaError && err.code === 'COOLDOWN',
    );
  });

  it('stores only the keyed hash of the code, bound to its challenge, never the code', async () => {
    const issued = await issuer().issue(request('luis', '+14152050501'));
    assert.match(issued.code, /^\d{6}$/);
    const row = await challenge(issued.id);
    const hash: Buffer = row.code_hash;
    assert.equal(hash.length, 32);
    assert.deepEqual(
      hash,
      createHmac('sha256', SECRET).update(`${issued.id}:${issued.code}`).digest(),
      'HMAC-SHA-256(secret, id:code)',
    );
    assert.equal(hash.includes(Buffer.from(issued.code)), false);
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === 'string') assert.ok(!value.includes(issued.code), `${column} holds the plain code`);
    }
    const log = await withClient(
      db().url,
      async (c) =>
        (await c.query(`SELECT to_jsonb(l)::text AS row FROM sms_send_log l WHERE challenge_id = $1`, [issued.id]))
          .rows,
    );
    assert.equal(log.length, 1);
    assert.ok(!log[0].row.includes(issued.code), 'nor does its send-log row');
  });

  it('a test number’s fixed code is kept hashed too, with no limit counted', async () => {
    const phone = '+14152050601';
    const issued = await issuer().issueFixed(request('marta', phone), '135790');
    const row = await challenge(issued.id);
    assert.deepEqual(row.code_hash, createHmac('sha256', SECRET).update(`${issued.id}:135790`).digest());
    assert.deepEqual(issued.countedOn, []);
    assert.deepEqual(await counters(['user:marta', `enroll:${phone}`]), {});
  });
});
