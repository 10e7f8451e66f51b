import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaMetrics } from '../../src/metrics/mfa-metrics';
import { randomUUID } from 'node:crypto';
import { sendSlotRequest } from '../../src/rate-limit/send-limits';
import { CodeIssueUnit, FACTOR_PHONE, type IssueOutcome, type LoginIssueOutcome } from '../../src/sms/code-issue.unit';
import { loadMfaConfig } from '../../src/sms-mfa.settings';
import { enrolmentChallenge } from '../support/enrolment-challenge';
import { useRepositoryDb } from '../support/repositories';

/**
 * Concurrent issues are written together (mfa_issue_challenges): the first
 * goes alone at once, the ones that arrive while it is in flight go as one
 * batch. Each item must come out as if it had been issued alone, in order.
 */
describe('repository tier: issues written in batches', () => {
  const fixture = useRepositoryDb();
  const now = new Date('2026-03-01T12:00:00Z');

  function unitWith(overrides: Parameters<typeof loadMfaConfig>[1]) {
    // One batch in flight: the tests say which calls share a batch.
    const config = loadMfaConfig({}, { hourlyLimit: 3, dailyLimit: 10, databaseBatchInFlight: 1, ...overrides });
    const metrics = new MfaMetrics();
    const unit = new CodeIssueUnit(fixture.db, config, metrics);
    const issue = (userId: string, phone: string, extra: { country?: string } = {}): Promise<IssueOutcome> =>
      unit.issue(enrolmentChallenge(config, userId, phone, now, extra.country));
    /** The sizes of the batches written so far. */
    const batches = async () => {
      const values = (await metrics.batchSize.get()).values;
      const count = values.find((v) => v.metricName === 'mfa_db_batch_size_count')?.value ?? 0;
      const sum = values.find((v) => v.metricName === 'mfa_db_batch_size_sum')?.value ?? 0;
      return { count, sum };
    };
    /** A login code that names no number: the statement reads the user's verified one. */
    const login = (userId: string, extra: { requestedPhone?: string; testNumbers?: string[] } = {}): Promise<LoginIssueOutcome> => {
      const { id, codeHash, expiresAt, maxAttempts, createdAt } = enrolmentChallenge(config, userId, FACTOR_PHONE, now);
      return unit.issueToVerified({
        id,
        userId,
        codeHash,
        expiresAt,
        maxAttempts,
        createdAt,
        firstProvider: 'MOCK',
        channel: 'sms',
        testNumbers: extra.testNumbers ?? [],
        requestedPhone: extra.requestedPhone,
        slot: sendSlotRequest(config, { userId, phoneE164: FACTOR_PHONE, purpose: 'login' }),
      });
    };
    return { issue, login, batches };
  }
  const live = async (userId: string) =>
    (await fixture.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mfa_challenges WHERE user_id = $1 AND consumed_at IS NULL AND invalidated_at IS NULL`, [userId]))[0].n;
  const counted = async (subject: string) =>
    (await fixture.db.query<{ n: number }>(`SELECT coalesce(cardinality(sends), 0) AS n FROM sms_send_counters WHERE subject = $1`, [subject]))[0]?.n ?? 0;

  it('a batch of mixed outcomes: a refusal and an error beside admissions, each with its own result, none undoing another', async () => {
    const { issue, batches } = unitWith({ cooldownMinutes: 0 });
    for (let i = 0; i < 3; i++) assert.ok('attemptId' in (await issue('full', `+1415207${1000 + i}`)));
    const [lead, ...batch] = await Promise.allSettled([
      issue('lead', '+14152072000'),
      issue('full', '+14152072001'), // past the user's hourly limit of 3: refused
      issue('ok-1', '+14152072002'),
      issue('broken', '+14152072003', { country: 'XYZ' }), // not a country code: this item fails alone
      issue('ok-2', '+14152072004'),
    ]);
    assert.equal((await batches()).count, 3 + 2, 'three lone issues, then the lead alone and the four behind it as one batch');
    assert.equal((await batches()).sum, 3 + 5);
    assert.ok(lead.status === 'fulfilled' && 'attemptId' in lead.value);
    const [full, ok1, broken, ok2] = batch;
    assert.deepEqual(full.status === 'fulfilled' && full.value, { refused: { limit: 'user_hourly', retryAfterSeconds: 3600 } });
    assert.ok(ok1.status === 'fulfilled' && 'attemptId' in ok1.value);
    assert.ok(ok2.status === 'fulfilled' && 'attemptId' in ok2.value);
    assert.equal(broken.status, 'rejected');
    assert.equal((broken as PromiseRejectedResult).reason.code, '22001', "the item's own SQLSTATE");
    assert.equal(await counted('user:full'), 3, 'the refusal counted nothing');
    assert.equal(await counted('user:broken'), 0, "the failed item's slot went with it");
    assert.equal(await live('broken'), 0);
    assert.deepEqual([await live('ok-1'), await live('ok-2'), await counted('user:ok-1'), await counted('user:ok-2')], [1, 1, 1, 1]);
  });

  it('the same user twice in one batch: processed in arrival order, as if sequential', async () => {
    const { issue, batches } = unitWith({ cooldownMinutes: 0 });
    const [, first, second] = await Promise.all([issue('twice-lead', '+14152073000'), issue('twice', '+14152073001'), issue('twice', '+14152073002')]);
    assert.equal((await batches()).count, 2, 'the two issues of one user went in one batch');
    assert.ok('attemptId' in first && 'attemptId' in second);
    assert.equal(await live('twice'), 1, 'the second code replaced the first');
    const [{ phone }] = await fixture.db.query<{ phone: string }>(
      `SELECT phone_e164 AS phone FROM mfa_challenges WHERE user_id = 'twice' AND invalidated_at IS NULL`,
    );
    assert.equal(phone, '+14152073002', 'the live code is the later one');
    assert.equal(await counted('user:twice'), 2);

    const cooled = unitWith({ cooldownMinutes: 1 });
    const [, sent, held] = await Promise.all([
      cooled.issue('cool-lead', '+14152073100'),
      cooled.issue('cool', '+14152073101'),
      cooled.issue('cool', '+14152073102'),
    ]);
    assert.equal((await cooled.batches()).count, 2);
    assert.ok('attemptId' in sent, 'the first in the batch is sent');
    assert.deepEqual(held, { refused: { limit: 'user_cooldown', retryAfterSeconds: 60 } }, 'the second waits for the cooldown the first started');
  });

  it('login codes that name no number, in one batch beside an enrolment: each reads its own user\'s number; what needs screening writes nothing', async () => {
    const { issue, login, batches } = unitWith({ cooldownMinutes: 0 });
    const factor = async (userId: string, phone: string, prefix: string | null, verified = true) =>
      fixture.db.query(
        `INSERT INTO mfa_sms_factors (id, user_id, phone_e164, country, created_at, verified_at, prefix) VALUES ($1, $2, $3, 'US', $4, $5, $6)`,
        [randomUUID(), userId, phone, now, verified ? now : null, prefix],
      );
    await factor('look-a', '+14152074001', '+14152');
    await factor('look-opted', '+14152074002', '+14152');
    await fixture.db.query(`INSERT INTO sms_opt_outs (phone_e164, opted_out_at, keyword, provider) VALUES ('+14152074002', $1, 'STOP', 'MOCK')`, [now]);
    await factor('look-unverified', '+14152074003', '+14152', false);
    await factor('look-old', '+14152074004', null); // from before ranges were recorded
    await factor('look-test', '+14152074005', '+14152');
    await factor('look-other', '+14152074006', '+14152');
    await fixture.db.query(`INSERT INTO sms_country_rules (country, action, updated_at, updated_by) VALUES ('CA', 'block', $1, 'test')`, [now]);
    await fixture.db.query(
      `INSERT INTO mfa_sms_factors (id, user_id, phone_e164, country, created_at, verified_at, prefix) VALUES ($1, 'look-ca', '+16135550100', 'CA', $2, $2, '+16135')`,
      [randomUUID(), now],
    );
    const before = await batches();
    const [, a1, opted, unverified, old, test, other, ca, a2] = await Promise.all([
      issue('look-lead', '+14152074000'),
      login('look-a'),
      login('look-opted'),
      login('look-unverified'),
      login('look-old'),
      login('look-test', { testNumbers: ['+14152074005'] }),
      login('look-other', { requestedPhone: '+14152079999' }),
      login('look-ca'),
      login('look-a', { requestedPhone: '+14152074001' }),
    ]);
    const after = await batches();
    assert.deepEqual([after.count - before.count, after.sum - before.sum], [2, 9], 'the lead alone, the eight behind it as one batch');
    for (const [name, outcome] of Object.entries({ opted, unverified, old, test, other, ca })) {
      assert.deepEqual(outcome, { unscreened: true }, `${name}: the long way`);
    }
    for (const user of ['look-opted', 'look-unverified', 'look-old', 'look-test', 'look-other', 'look-ca']) {
      assert.equal(await live(user), 0, `${user}: no code`);
      assert.equal(await counted(`user:${user}`), 0, `${user}: nothing counted`);
    }
    assert.ok('attemptId' in a1 && 'attemptId' in a2);
    assert.deepEqual(a1.number, { e164: '+14152074001', country: 'US', prefix: '+14152' });
    assert.equal(await live('look-a'), 1, 'the second code replaced the first, in arrival order');
    assert.equal(await counted('phone:+14152074001'), 2, "the phone limit is the number's own");
    assert.equal(await counted('user:look-a'), 2);
    const placeholders = await fixture.db.query(`SELECT 1 FROM sms_send_counters WHERE position($1 in subject) > 0`, [FACTOR_PHONE]);
    assert.equal(placeholders.length, 0, 'no limit is kept under the placeholder');
    const [row] = await fixture.db.query<{ phone: string; prefix: string; factor: boolean }>(
      `SELECT c.phone_e164 AS phone, c.prefix, c.factor_id = f.id AS factor FROM mfa_challenges c JOIN mfa_sms_factors f ON f.user_id = c.user_id
        WHERE c.user_id = 'look-a' AND c.invalidated_at IS NULL`,
    );
    assert.deepEqual(row, { phone: '+14152074001', prefix: '+14152', factor: true }, 'the challenge is to the factor, with its range');
  });

  it("the phone limit of a lookup is the number's: two users' lookups to one number share it, and a refusal writes nothing", async () => {
    const { login } = unitWith({ cooldownMinutes: 0, hourlyLimit: 2 });
    for (const user of ['share-1', 'share-2']) {
      await fixture.db.query(
        `INSERT INTO mfa_sms_factors (id, user_id, phone_e164, country, created_at, verified_at, prefix) VALUES ($1, $2, '+14152075000', 'US', $3, $3, '+14152')`,
        [randomUUID(), user, now],
      );
    }
    const outcomes = await Promise.all([login('share-1'), login('share-2'), login('share-1'), login('share-2')]);
    const refused = outcomes.filter((o) => 'refused' in o);
    assert.equal(outcomes.filter((o) => 'attemptId' in o).length, 2, "the number's hourly limit of 2, across its users");
    assert.deepEqual(refused.map((o) => 'refused' in o && o.refused.limit), ['phone_hourly', 'phone_hourly']);
    assert.equal(await counted('phone:+14152075000'), 2);
  });
});
