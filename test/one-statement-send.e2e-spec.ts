import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { timeStatements } from '../bench/statement-timing';
import type { MfaConfigOverrides } from '../src';
import { enrollVerified, startTestApp, type TestApp } from './support/app';
import { Client } from 'pg';
import { userFactorsLock } from '../src/database/advisory-lock';
import { createTestDatabase, EMBEDDED, ONE_SESSION_REASON, withClient, type TestDatabase } from './support/database';

/**
 * A login code is one statement before the provider: mfa_issue_challenges
 * reads the user's verified number, its opt-out and its country's rules, and
 * takes the limits, in the statement that issues the code. What that
 * statement cannot decide goes the long way (the factor read first), with the
 * answers the long way has always given.
 */
describe('a login code in one statement', () => {
  let db: TestDatabase;
  const apps: TestApp[] = [];
  const start = async (config: MfaConfigOverrides = {}) => {
    const t = await startTestApp(db.url, { cooldownMinutes: 0, ...config });
    apps.push(t);
    return t;
  };
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    for (const t of apps) await t.close();
    await db?.drop();
  });

  const bearer = (t: TestApp, user: string) => ({ Authorization: `Bearer ${t.token(user)}` });
  const sql = <R = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    withClient(db.url, async (c) => (await c.query(text, values)).rows as R[]);
  const sends = async (subject: string) =>
    (await sql<{ n: number }>(`SELECT coalesce(cardinality(sends), 0) AS n FROM sms_send_counters WHERE subject = $1`, [subject]))[0]?.n ?? 0;
  /** The statements of one login send, in full, and the response. */
  const statementsOf = async (t: TestApp, user: string, body: object = {}) => {
    let status = 0;
    let code: string | undefined;
    const statements = await timeStatements(async () => {
      const res = await t.http.post('/mfa/sms/challenge').set(bearer(t, user)).send(body);
      status = res.status;
      code = res.body.code;
    }, 100_000);
    return { status, code, texts: statements.flatMap((s) => Array<string>(s.count).fill(s.statement)) };
  };
  const readsTheFactor = (texts: string[]) => texts.some((s) => /FROM mfa_sms_factors f WHERE f.user_id/.test(s));

  it('reads nothing before the issue: the issue statement, then only the provider and its accepted write', async () => {
    const t = await start();
    await enrollVerified(t, 'one', '+14155552671');
    const { status, texts } = await statementsOf(t, 'one');
    assert.equal(status, 202);
    assert.equal(texts.filter((s) => s.startsWith('SELECT * FROM mfa_issue_challenges')).length, 1);
    assert.ok(!readsTheFactor(texts), 'no separate factor read');
    assert.deepEqual(
      texts.map((s) => s.split(' ').slice(0, 3).join(' ')).sort(),
      ['SELECT * FROM', 'UPDATE sms_send_log AS'],
      'two statements in all: the issue and the accepted write',
    );
    assert.ok(t.outbox.lastMessageTo('+14155552671'), 'the code went to the verified number');
    const [challenge] = await sql<{ phone: string; prefix: string; country: string }>(
      `SELECT phone_e164 AS phone, prefix, country FROM mfa_challenges WHERE user_id = 'one' AND purpose = 'login'`,
    );
    assert.deepEqual(challenge, { phone: '+14155552671', prefix: '+14155', country: 'US' });
    assert.equal(await sends('phone:+14155552671'), 1, "the login's send, on the number's own limit");
  });

  it('what the statement cannot decide goes the long way, with the answers it always had, and writes nothing first', async () => {
    const t = await start();
    await enrollVerified(t, 'long', '+14155552672');
    const before = await sends('user:long');
    const named = await statementsOf(t, 'long', { phoneNumber: '+14155552699' });
    assert.deepEqual([named.status, named.code], [403, 'PHONE_NOT_VERIFIED'], 'another number named');
    assert.ok(readsTheFactor(named.texts), 'the long way read the factor');
    assert.equal(await sends('user:long'), before, 'nothing counted');
    const none = await statementsOf(t, 'nobody');
    assert.deepEqual([none.status, none.code], [403, 'PHONE_NOT_VERIFIED'], 'no verified number');

    const spelled = await statementsOf(t, 'long', { phoneNumber: '+1 (415) 555-2672' });
    assert.equal(spelled.status, 202, 'another spelling of the same number');
    assert.ok(!readsTheFactor(spelled.texts), 'parsed before the statement: still one statement');

    await sql(`INSERT INTO sms_opt_outs (phone_e164, opted_out_at, keyword, provider) VALUES ('+14155552672', now(), 'STOP', 'MOCK')`);
    const opted = await statementsOf(t, 'long');
    assert.deepEqual([opted.status, opted.code], [403, 'PHONE_OPTED_OUT']);
    await sql(`DELETE FROM sms_opt_outs`);

    await sql(`INSERT INTO sms_country_rules (country, action, updated_at, updated_by) VALUES ('GB', 'allow', now(), 'test')`);
    const outside = await statementsOf(t, 'long');
    assert.deepEqual([outside.status, outside.code], [403, 'COUNTRY_NOT_ALLOWED'], 'an allow list without the number\'s country');
    await sql(`INSERT INTO sms_country_rules (country, action, updated_at, updated_by) VALUES ('US', 'allow', now(), 'test')`);
    assert.equal((await statementsOf(t, 'long')).status, 202, 'its country on the allow list');
    await sql(`UPDATE sms_country_rules SET action = 'block' WHERE country = 'US'`);
    const blocked = await statementsOf(t, 'long');
    assert.deepEqual([blocked.status, blocked.code], [403, 'COUNTRY_NOT_ALLOWED'], 'its country blocked');
    await sql(`DELETE FROM sms_country_rules`);
    assert.equal(await sends('user:long'), before + 2, 'only the two codes that went counted');
    assert.equal(t.outbox.messagesTo('+14155552672').length, 3, 'the enrolment and the two codes that went');
  });

  it('a factor from before ranges were recorded goes the long way once and learns its range', async () => {
    const t = await start();
    await enrollVerified(t, 'old', '+14155552673');
    await sql(`UPDATE mfa_sms_factors SET prefix = NULL WHERE user_id = 'old'`);
    const first = await statementsOf(t, 'old');
    assert.equal(first.status, 202);
    assert.ok(readsTheFactor(first.texts), 'the long way');
    assert.deepEqual(await sql(`SELECT prefix FROM mfa_sms_factors WHERE user_id = 'old'`), [{ prefix: '+14155' }]);
    const next = await statementsOf(t, 'old');
    assert.equal(next.status, 202);
    assert.ok(!readsTheFactor(next.texts), 'one statement from then on');
  });

  it('a number replaced while its code is being issued gets no code: the code goes to the new number', { skip: EMBEDDED && ONE_SESSION_REASON }, async () => {
    const t = await start();
    await enrollVerified(t, 'moving', '+14155552675');
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      // A change to the user's factors in flight (as an enrolment's verification holds it): the issue waits for it.
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [userFactorsLock('moving')]);
      const send = t.http.post('/mfa/sms/challenge').set(bearer(t, 'moving')).send({}).then((r) => r);
      for (let waited = 0; ; waited += 20) {
        const [{ n }] = (await holder.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'advisory' AND datname = current_database()`)).rows;
        if (n > 0) break;
        assert.ok(waited < 5000, 'the issue never waited for the factor lock');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await holder.query(`DELETE FROM mfa_sms_factors WHERE user_id = 'moving'`);
      await holder.query(
        `INSERT INTO mfa_sms_factors (id, user_id, phone_e164, country, created_at, verified_at, prefix)
         VALUES (gen_random_uuid(), 'moving', '+14155552676', 'US', now(), now(), '+14155')`,
      );
      await holder.query('COMMIT');
      const res = await send;
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.equal(t.outbox.messagesTo('+14155552675').length, 1, 'the old number got only its enrolment code');
      assert.equal(t.outbox.messagesTo('+14155552676').length, 1, 'the login code went to the new number');
      const live = await sql(`SELECT phone_e164 AS phone FROM mfa_challenges WHERE user_id = 'moving' AND purpose = 'login'`);
      assert.deepEqual(live, [{ phone: '+14155552676' }], 'no code was issued to the old number');
    } finally {
      await holder.end();
    }
  });

  it('a login code no provider could take is withdrawn and its send given back on the limits of the number it read', async () => {
    // The mock's budget: one message a minute (the enrolment's).
    const t = await start({ providers: { MOCK: { maxPerMinute: 1, maxPerHour: 100_000, maxPerDay: 100_000 } } });
    t.clock.advance(3_600_000); // a minute of the shared budget that the other tests' apps did not use
    await enrollVerified(t, 'spent', '+14155552677');
    const refused = await t.http.post('/mfa/sms/challenge').set(bearer(t, 'spent')).send({}).expect(503);
    assert.equal(refused.body.code, 'PROVIDERS_UNAVAILABLE');
    assert.deepEqual([await sends('user:spent'), await sends('phone:+14155552677')], [1, 0], "only the enrolment's send counts");
    const [attempt] = await sql<{ status: string; error: string }>(
      `SELECT l.status, l.error_code AS error FROM sms_send_log l JOIN mfa_challenges c ON c.id = l.challenge_id WHERE c.user_id = 'spent' AND c.purpose = 'login'`,
    );
    assert.deepEqual(attempt, { status: 'failed', error: 'no_provider' });
  });

  it('a spend cap or cost routing needs the destination first: the long way', async () => {
    for (const config of [{ dailySpendLimitUsd: 100 }, { routing: 'cost' as const }]) {
      const t = await start(config);
      const user = `config-${Object.keys(config)[0]}`;
      await enrollVerified(t, user, '+14155552674');
      const sent = await statementsOf(t, user);
      assert.equal(sent.status, 202);
      assert.ok(readsTheFactor(sent.texts), JSON.stringify(config));
    }
  });

  it('a number only the rules refuse (a rule switched on after it was verified): 403, the code withdrawn, nothing sent, the send counted', async () => {
    const lenient = await start({ fraudDisabledRules: ['digit_pattern'] });
    const strict = await start();
    const phone = '+12122345678'; // 2345678: seven consecutive digits
    await enrollVerified(lenient, 'pattern', phone);
    const before = { user: await sends('user:pattern'), phone: await sends(`phone:${phone}`) };
    const refused = await strict.http.post('/mfa/sms/challenge').set(bearer(strict, 'pattern')).send({}).expect(403);
    assert.equal(refused.body.code, 'SUSPICIOUS_NUMBER');
    assert.equal(strict.outbox.messagesTo(phone).length, 0, 'no provider called');
    const [challenge] = await sql<{ live: boolean; status: string; error: string }>(
      `SELECT c.invalidated_at IS NULL AS live, l.status, l.error_code AS error
         FROM mfa_challenges c JOIN sms_send_log l ON l.challenge_id = c.id WHERE c.user_id = 'pattern' AND c.purpose = 'login'`,
    );
    assert.deepEqual(challenge, { live: false, status: 'failed', error: 'screened' }, 'withdrawn; its attempt says why (the reaper has nothing to resolve)');
    assert.deepEqual(
      { user: await sends('user:pattern'), phone: await sends(`phone:${phone}`) },
      { user: before.user + 1, phone: before.phone + 1 },
      "the number's own fault, as when a provider refuses it: counted, so refusals are limited like sends",
    );
    const [event] = await sql<{ rule: string; action: string }>(`SELECT rule, action FROM sms_fraud_events WHERE user_id = 'pattern'`);
    assert.deepEqual(event, { rule: 'digit_pattern', action: 'blocked' });
    assert.equal((await lenient.http.post('/mfa/sms/challenge').set(bearer(lenient, 'pattern')).send({})).status, 202);
  });
});
