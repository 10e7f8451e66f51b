import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MfaMetrics } from '../src/metrics/mfa-metrics';
import { enrollVerified, lastCode, startTestApp, type TestApp } from './support/app';
import { createTestDatabase, withClient, type TestDatabase } from './support/database';

const phone = (i: number) => `+1415203${String(7000 + i)}`;

/** Batches that failed as a whole (a deadlock among them) and were split, on both instances. */
async function splitBatches(apps: TestApp[]): Promise<number> {
  let n = 0;
  for (const t of apps) for (const v of (await t.app.get(MfaMetrics).batchSplitTotal.get()).values) n += v.value;
  return n;
}

/** How many issue batches of more than one item an instance wrote. */
async function sharedBatches(t: TestApp): Promise<number> {
  const values = (await t.app.get(MfaMetrics).batchSize.get()).values.filter((v) => v.labels.write === 'issue');
  const count = values.find((v) => v.metricName === 'mfa_db_batch_size_count')?.value ?? 0;
  const alone = values.find((v) => v.metricName === 'mfa_db_batch_size_bucket' && (v.labels as Record<string, unknown>).le === 1)?.value ?? 0;
  return count - alone;
}

describe('batched issues and verifies on two instances', () => {
  let db: TestDatabase;
  let apps: TestApp[];
  const config = { cooldownMinutes: 0, hourlyLimit: 3, dailyLimit: 10, ipHourlyLimit: 1000, enrollNumberHourlyLimit: 10 };

  before(async () => {
    db = await createTestDatabase();
    apps = [await startTestApp(db.url, config), await startTestApp(db.url, config)];
  });
  after(async () => {
    await Promise.all((apps ?? []).map((a) => a.close()));
    await db?.drop();
  });

  it('50 concurrent mixed sends over overlapping users, half on each instance: no deadlock, no 5xx, limits exact', async () => {
    const [a] = apps;
    const verified = Array.from({ length: 5 }, (_, i) => `login-${i}`);
    const enrolling = Array.from({ length: 5 }, (_, i) => `enrol-${i}`);
    for (const [i, user] of verified.entries()) await enrollVerified(a, user, phone(i)); // one send each
    const requests = Array.from({ length: 50 }, (_, i) => {
      const t = apps[i % 2];
      const k = Math.floor(i / 2) % 10;
      const user = k < 5 ? verified[k] : enrolling[k - 5];
      const call = k < 5 ? t.http.post('/mfa/sms/challenge').send({}) : t.http.post('/mfa/sms/enroll').send({ phoneNumber: phone(100 + k) });
      return { user, reply: call.set({ Authorization: `Bearer ${t.token(user)}` }) };
    });
    const replies = await Promise.all(requests.map(async (r) => ({ user: r.user, reply: await r.reply })));
    const odd = replies.find((r) => r.reply.status !== 202 && r.reply.status !== 429);
    assert.equal(odd, undefined, JSON.stringify(odd?.reply.body));
    const admitted = (user: string) => replies.filter((r) => r.user === user && r.reply.status === 202).length;
    for (const user of verified) assert.equal(admitted(user), 2, `${user}: its hourly limit of 3, one spent enrolling`);
    for (const user of enrolling) assert.equal(admitted(user), 3, `${user}: its hourly limit of 3`);
    assert.ok(replies.filter((r) => r.reply.status === 429).every((r) => r.reply.body.limit === 'user_hourly'));

    const rows = await withClient(db.url, async (c) => ({
      counters: (await c.query<{ subject: string; n: number }>(`SELECT subject, cardinality(sends) AS n FROM sms_send_counters WHERE subject LIKE 'user:%'`)).rows,
      live: (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM mfa_challenges WHERE consumed_at IS NULL AND invalidated_at IS NULL GROUP BY user_id, purpose HAVING count(*) > 1`)).rows,
      sent: (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM sms_send_log WHERE status = 'delivered'`)).rows[0].n,
    }));
    assert.ok(rows.counters.length === 10 && rows.counters.every((r) => r.n === 3), JSON.stringify(rows.counters));
    assert.deepEqual(rows.live, [], 'one live code per user and purpose');
    assert.equal(rows.sent, 5 + 25, 'one provider send per admission, each recorded');
    assert.ok((await sharedBatches(apps[0])) + (await sharedBatches(apps[1])) > 0, 'concurrent issues were written together');
    assert.equal(await splitBatches(apps), 0, 'no batch failed as a whole: no deadlock');
  });

  it('50 concurrent sends and verifies over the same users on both instances: no deadlock, no 5xx, every compared guess counted once', async () => {
    const [a] = apps;
    const users = Array.from({ length: 10 }, (_, i) => `mix-${i}`);
    const codes: string[] = [];
    for (const [i, user] of users.entries()) {
      await enrollVerified(a, user, phone(200 + i));
      assert.equal((await a.http.post('/mfa/sms/challenge').set({ Authorization: `Bearer ${a.token(user)}` }).send({})).status, 202);
      codes.push(lastCode(a, phone(200 + i)));
    }
    const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(code.length, '0');
    // Per user: the right code, three wrong ones and a new send, alternating between the instances.
    const requests = users.flatMap((user, k) =>
      [0, 1, 2, 3, 4].map((j) => {
        const t = apps[(k + j) % 2];
        const call =
          j === 2
            ? t.http.post('/mfa/sms/challenge').send({})
            : t.http.post('/mfa/sms/verify').send({ code: j === 0 ? codes[k] : wrong(codes[k]) });
        return { user, kind: j === 2 ? 'send' : 'verify', reply: call.set({ Authorization: `Bearer ${t.token(user)}` }) };
      }),
    );
    const replies = await Promise.all(requests.map(async (r) => ({ ...r, reply: await r.reply })));
    const odd = replies.find((r) => r.reply.status >= 500);
    assert.equal(odd, undefined, JSON.stringify(odd?.reply.body));
    assert.ok(replies.filter((r) => r.kind === 'send').every((r) => r.reply.status === 202), 'every send admitted (the third of the hour)');
    const challenges = await withClient(db.url, async (c) =>
      (await c.query<{ user_id: string; attempts: number; max_attempts: number }>(
        `SELECT user_id, attempts, max_attempts FROM mfa_challenges WHERE user_id LIKE 'mix-%' AND purpose = 'login'`,
      )).rows,
    );
    assert.ok(challenges.every((c) => c.attempts <= c.max_attempts), 'no code met more guesses than its attempts');
    assert.equal(await splitBatches(apps), 0, 'no batch failed as a whole: no deadlock');
    for (const user of users) {
      const mine = replies.filter((r) => r.user === user && r.kind === 'verify');
      const count = (code: string) => mine.filter((r) => r.reply.body.code === code).length;
      const won = mine.filter((r) => r.reply.status === 200).length;
      const taken = challenges.filter((c) => c.user_id === user).reduce((n, c) => n + c.attempts, 0);
      assert.ok(won <= 1, `${user}: one code, one success at most`);
      // Every guess answered as compared (a success, CODE_INVALID) was counted; a counted guess may also answer
      // TOO_MANY_ATTEMPTS (it spent the last attempt), RATE_LIMITED (it started a lockout) or NO_ACTIVE_CHALLENGE
      // (the burst's send replaced the code it matched); none is counted twice.
      assert.ok(taken >= won + count('CODE_INVALID') && taken <= mine.length, `${user}: ${taken} attempts counted for ${JSON.stringify(mine.map((r) => r.reply.body.code ?? r.reply.status))}`);
      assert.equal(won + count('CODE_INVALID') + count('TOO_MANY_ATTEMPTS') + count('RATE_LIMITED') + count('NO_ACTIVE_CHALLENGE'), 4, `${user}: ${JSON.stringify(mine.map((r) => r.reply.body.code ?? r.reply.status))}`);
    }
  });
});
