import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { ChallengesRepository } from '../../src/challenges/challenges.repository';
import { CodeHasher } from '../../src/codes/one-time-code';
import { RecoveryCodesRepository } from '../../src/factors/recovery-codes.repository';
import { FailureRunsRepository } from '../../src/rate-limit/failure-runs.repository';
import { loadMfaConfig } from '../../src/sms-mfa.settings';
import { SpendRepository } from '../../src/sms/pricing/spend.repository';
import { CodeIssueUnit } from '../../src/sms/code-issue.unit';
import { MfaMetrics } from '../../src/metrics/mfa-metrics';
import { enrolmentChallenge } from '../support/enrolment-challenge';
import { useRepositoryDb } from '../support/repositories';

describe('repository tier: the atomic statements, raced against Postgres', () => {
  const fixture = useRepositoryDb();
  const now = new Date('2026-03-01T12:00:00Z');
  const hasher = new CodeHasher('s'.repeat(32));
  const config = loadMfaConfig({}, { cooldownMinutes: 0, hourlyLimit: 3, dailyLimit: 10 });

  /** One unit for the file: concurrent issues are written in batches, as in the app. */
  let unit: CodeIssueUnit | undefined;
  async function issue(userId: string, phone: string) {
    unit ??= new CodeIssueUnit(fixture.db, config, new MfaMetrics());
    const challenge = enrolmentChallenge(config, userId, phone, now);
    return { id: challenge.id, outcome: await unit.issue(challenge) };
  }

  it('issue: 50 parallel issues for one user admit exactly the hourly limit, one live code', async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => issue('racer', `+1415206${1000 + i}`)));
    const admitted = results.filter((r) => r.status === 'fulfilled' && 'attemptId' in r.value.outcome);
    assert.ok(admitted.length >= 1 && admitted.length <= 3, `admitted ${admitted.length}`);
    const [{ live }] = await fixture.db.query<{ live: number }>(`SELECT count(*)::int AS live FROM mfa_challenges WHERE user_id = 'racer' AND consumed_at IS NULL AND invalidated_at IS NULL`);
    assert.equal(live, 1, 'one live code');
    const [{ sends }] = await fixture.db.query<{ sends: number }>(`SELECT cardinality(sends) AS sends FROM sms_send_counters WHERE subject = 'user:racer'`);
    assert.equal(sends, admitted.length, 'every admitted issue counted, no other');
  });

  it('consume: of 20 concurrent consumers of one code exactly one wins', async () => {
    const challenges = new ChallengesRepository(fixture.db);
    const { id } = await issue('consumer', '+14152062001');
    const results = await Promise.all(Array.from({ length: 20 }, () => challenges.consume(id, now)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  it('takeAttempt: of 50 concurrent SMS guesses at one code, exactly max_attempts are let through to compare', async () => {
    const challenges = new ChallengesRepository(fixture.db);
    await issue('burster', '+14152062002');
    const results = await Promise.all(Array.from({ length: 50 }, () => challenges.takeAttempt('burster', 'enroll', now, 100)));
    assert.deepEqual(results.filter(Boolean).map((c) => c!.attempts).sort(), [1, 2, 3]);
  });

  it('takeAttempt: none while the user waits out a lockout or past the hard limit', async () => {
    const challenges = new ChallengesRepository(fixture.db);
    await issue('waiter', '+14152062003');
    await fixture.db.query(`INSERT INTO mfa_verify_failures (user_id, consecutive, locked_until, updated_at) VALUES ('waiter', 4, $1, $2)`, [
      new Date(now.getTime() + 60_000),
      now,
    ]);
    assert.equal(await challenges.takeAttempt('waiter', 'enroll', now, 100), undefined);
    const afterWait = new Date(now.getTime() + 61_000);
    assert.ok(await challenges.takeAttempt('waiter', 'enroll', afterWait, 100));
    assert.equal(await challenges.takeAttempt('waiter', 'enroll', afterWait, 4), undefined, 'hard limit');
  });

  it('takeGuess: 50 concurrent guesses when a wait ends take exactly one', async () => {
    const runs = new FailureRunsRepository(fixture.db);
    for (let i = 0; i < 3; i++) assert.equal((await runs.takeGuess('totp', 'guesser', now, 3, 100)).taken, true);
    const later = new Date(now.getTime() + 30_000);
    const results = await Promise.all(Array.from({ length: 50 }, () => runs.takeGuess('totp', 'guesser', later, 3, 100)));
    assert.equal(results.filter((r) => r.taken).length, 1);
  });

  it('recovery codes: 10 concurrent uses of one code, exactly one', async () => {
    const codes = new RecoveryCodesRepository(fixture.db);
    const hash = hasher.hash('recovery:holder', 'abcde12345');
    await fixture.db.query(
      `INSERT INTO mfa_recovery_codes (user_id, set_id, code_hash, created_at) VALUES ('holder', $1, $2, $3)`,
      [randomUUID(), hash, now],
    );
    const raise = { session: null, method: 'recovery_code' as const, now, expiresAt: now };
    const results = await Promise.all(Array.from({ length: 10 }, () => codes.use('holder', hash, raise)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  it('spend: 50 concurrent reservations never pass a cap', async () => {
    const spend = new SpendRepository(fixture.db);
    const results = await Promise.all(Array.from({ length: 50 }, () => spend.take('2026-03-01', ['*', 'US'], [1, 0.5], 0.03)));
    assert.equal(results.filter((r) => r === undefined).length, 16, 'floor(0.5 / 0.03) reservations');
    assert.deepEqual(await spend.read('2026-03-01'), [
      { scope: '*', spentUsd: 0.48 },
      { scope: 'US', spentUsd: 0.48 },
    ]);
  });
});
