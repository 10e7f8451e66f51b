import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enrollVerified, lastCode, startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';

const phone = (i: number) => `+1415201${String(8300 + i)}`;

describe('recovery codes', () => {
  let db: TestDatabase;
  let t: TestApp;
  const bearer = (user: string, sid = `session-of-${user}`) => ({ Authorization: `Bearer ${t.token(user, [], sid)}` });
  const use = (user: string, code: string, sid?: string) => t.http.post('/mfa/recovery-codes/verify').set(bearer(user, sid)).send({ code });
  let numbers = 0;
  /** Recovery codes back up a real factor: the user first enrols a phone (and so steps up in this session). */
  const codesFor = async (user: string) => {
    await enrollVerified(t, user, phone(100 + ++numbers));
    return (await t.http.post('/mfa/recovery-codes').set(bearer(user)).expect(201)).body.codes as string[];
  };
  const recoverySet = async (user: string) =>
    (await t.http.get('/mfa/factors').set(bearer(user)).expect(200)).body.filter((f: { type: string }) => f.type === 'recovery_codes');

  before(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db.url, { cooldownMinutes: 0, verifyFailureThreshold: 3, verifyFailureHardLimit: 6 });
  });
  after(async () => {
    await t?.close();
    await db?.drop();
  });

  it('gives ten codes of 50 bits, shown once and stored only as keyed hashes', async () => {
    const codes = await codesFor('r1');
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    const rows = await withClient(db.url, async (c) => (await c.query(`SELECT * FROM mfa_recovery_codes WHERE user_id = 'r1'`)).rows);
    assert.equal(rows.length, 10);
    const stored = JSON.stringify(rows.map((r) => ({ ...r, code_hash: r.code_hash.toString('latin1') })));
    for (const code of codes) assert.ok(!stored.includes(code) && !stored.includes(code.replace('-', '')));
    assert.deepEqual((await recoverySet('r1')).map((f: { remaining: number }) => f.remaining), [10]);
  });

  it('each code works once, in any case and spacing, and raises the session to aal2', async () => {
    const codes = await codesFor('r2');
    const typed = ` ${codes[0].toUpperCase().replace('-', ' - ')} `;
    const ok = await use('r2', typed, 'other-session').expect(200);
    assert.deepEqual([ok.body.verified, ok.body.aal, ok.body.methods, ok.body.remaining], [true, 'aal2', ['recovery_code'], 9]);
    const again = await use('r2', codes[0], 'other-session').expect(400);
    assert.equal(again.body.code, 'CODE_INVALID');
    assert.equal((await recoverySet('r2'))[0].remaining, 9);
    assert.equal((await use('r2', 'not a code').expect(400)).body.code, 'VALIDATION_FAILED');
  });

  it('10 concurrent uses of one code give exactly one 200', async () => {
    const codes = await codesFor('r3');
    const results = await Promise.all(Array.from({ length: 10 }, () => use('r3', codes[1])));
    assert.equal(results.filter((r) => r.status === 200).length, 1);
    // The others: already used (400), or refused once the run of failures they make starts a wait (429).
    assert.ok(results.every((r) => r.status === 200 || (r.status === 400 && r.body.code === 'CODE_INVALID') || r.status === 429));
    const left = await withClient(db.url, async (c) =>
      (await c.query(`SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = 'r3' AND used_at IS NULL`)).rows[0].n,
    );
    assert.equal(left, 9);
  });

  it('regeneration kills the old set', async () => {
    const old = await codesFor('r4');
    const fresh = (await t.http.post('/mfa/recovery-codes').set(bearer('r4')).expect(201)).body.codes;
    assert.equal((await use('r4', old[1]).expect(400)).body.code, 'CODE_INVALID');
    await use('r4', fresh[0]).expect(200);
    assert.deepEqual((await recoverySet('r4')).map((f: { remaining: number }) => f.remaining), [9]);
  });

  it('50 concurrent regenerations leave exactly one set of ten', async () => {
    await codesFor('r10');
    const results = await Promise.all(Array.from({ length: 50 }, () => t.http.post('/mfa/recovery-codes').set(bearer('r10'))));
    assert.ok(results.every((r) => r.status === 201));
    const [stored] = await withClient(db.url, async (c) =>
      (await c.query(`SELECT count(*)::int AS codes, count(DISTINCT set_id)::int AS sets FROM mfa_recovery_codes WHERE user_id = 'r10'`)).rows,
    );
    assert.deepEqual(stored, { codes: 10, sets: 1 });
    assert.deepEqual((await recoverySet('r10')).map((f: { remaining: number }) => f.remaining), [10]);
  });

  it('wrong codes lock out exactly as wrong SMS codes do, on the same run of failures', async () => {
    const number = phone(5);
    await enrollVerified(t, 'r5', number);
    const { codes } = (await t.http.post('/mfa/recovery-codes').set(bearer('r5')).expect(201)).body;
    await use('r5', 'aaaaa-aaaaa').expect(400);
    await t.http.post('/mfa/sms/challenge').set(bearer('r5')).send({}).expect(202);
    const right = lastCode(t, number);
    await t.http.post('/mfa/sms/verify').set(bearer('r5')).send({ code: right === '000000' ? '111111' : '000000' }).expect(400);
    await use('r5', 'bbbbb-bbbbb').expect(400); // the third wrong code in a row (threshold 3) starts a 30 s wait
    for (const refused of [use('r5', codes[0]), t.http.post('/mfa/sms/verify').set(bearer('r5')).send({ code: right })]) {
      const res = await refused.expect(429);
      assert.deepEqual([res.body.limit, res.body.retryAfterSeconds], ['verify_failures', 30]);
    }
    t.clock.advance(30_000);
    await use('r5', codes[0]).expect(200); // a success ends the run
    for (const wrong of ['ccccc-ccccc', 'ddddd-ddddd', 'eeeee-eeeee']) await use('r5', wrong).expect(400);
    t.clock.advance(30_000);
    await use('r5', 'fffff-fffff').expect(400);
    t.clock.advance(60_000);
    await use('r5', 'ggggg-ggggg').expect(400);
    t.clock.advance(120_000);
    await use('r5', 'hhhhh-hhhhh').expect(400); // the sixth: the hard limit
    t.clock.advanceMinutes(120);
    const stopped = await use('r5', codes[1]).expect(429);
    assert.equal(stopped.body.retryAfterSeconds, undefined, 'no wait ends a hard stop');
    await t.http.delete('/admin/sms/verify-lockouts/r5').set({ Authorization: `Bearer ${t.token('ops', ['admin'])}` }).expect(204);
    await use('r5', codes[1]).expect(200);
  });

  it('need a real factor to back up, and without codes a guess is refused without counting', async () => {
    const refused = await t.http.post('/mfa/recovery-codes').set(bearer('r7')).expect(403);
    assert.equal(refused.body.code, 'FORBIDDEN', 'the password alone cannot make codes and reach aal2 with them');
    for (let i = 0; i < 5; i++) assert.equal((await use('r7', 'aaaaa-aaaaa').expect(400)).body.code, 'NO_ACTIVE_CHALLENGE');
    const run = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM mfa_verify_failures WHERE user_id = 'r7'`)).rows[0].n);
    assert.equal(run, 0, 'no lockout for the owner');
  });

  it('are not counted as the last factor', async () => {
    await enrollVerified(t, 'r6', phone(6));
    await t.http.post('/mfa/recovery-codes').set(bearer('r6')).expect(201);
    const sms = (await t.http.get('/mfa/factors').set(bearer('r6')).expect(200)).body.find((f: { type: string }) => f.type === 'sms');
    assert.equal((await t.http.delete(`/mfa/factors/${sms.id}`).set(bearer('r6')).expect(409)).body.code, 'LAST_FACTOR');
    const set = (await t.http.get('/mfa/factors').set(bearer('r6')).expect(200)).body.find((f: { type: string }) => f.type === 'recovery_codes');
    await t.http.delete(`/mfa/factors/${set.id}`).set(bearer('r6')).expect(204);
  });
});
