import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaMetrics } from '../../src/metrics/mfa-metrics';
import { CodeIssueUnit, type IssueOutcome } from '../../src/sms/code-issue.unit';
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
    return { issue, batches };
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
});
