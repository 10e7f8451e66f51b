import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Secret, TOTP } from 'otpauth';
import { MfaEvent, MfaEventPayload } from '../src/common/mfa-events';
import { enrollVerified, lastCode, startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';

describe('TOTP as the primary factor, SMS as its backup', () => {
  let db: TestDatabase;
  let t: TestApp;
  let secret: Secret;
  const events: [string, MfaEventPayload][] = [];
  const bearer = () => ({ Authorization: `Bearer ${t.token('tara')}` });
  const codeAt = (offsetSeconds = 0) =>
    new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret }).generate({ timestamp: t.clock.now().getTime() + offsetSeconds * 1000 });

  before(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db.url, { cooldownMinutes: 0, totpFailureThreshold: 3 });
    const emitter = t.app.get(EventEmitter2);
    for (const name of Object.values(MfaEvent)) emitter.on(name, (payload: MfaEventPayload) => events.push([name, payload]));
  });
  after(async () => {
    await t?.close();
    await db?.drop();
  });

  it('enrols with an otpauth URL for the app name, and stores the secret only encrypted', async () => {
    const res = await t.http.post('/mfa/totp/enroll').set(bearer()).expect(201);
    assert.match(res.body.otpauthUrl, /^otpauth:\/\/totp\/Haven%20Health:tara\?/);
    assert.match(res.body.otpauthUrl, /issuer=Haven%20Health/);
    assert.match(res.body.otpauthUrl, /algorithm=SHA1&digits=6&period=30/);
    secret = Secret.fromBase32(res.body.secret);
    const [row] = await withClient(db.url, async (c) => (await c.query('SELECT * FROM mfa_totp_factors WHERE id = $1', [res.body.factorId])).rows);
    assert.match(row.key_id, /^[0-9a-f]{12}$/);
    assert.ok(!row.secret_enc.includes(Buffer.from(secret.bytes)));
    assert.ok(!row.secret_enc.toString('latin1').includes(res.body.secret));
  });

  it('activates with a live code, then verifies each code once', async () => {
    await t.http.post('/mfa/totp/activate').set(bearer()).send({ code: codeAt() }).expect(200);
    t.clock.advance(30_000);
    const verified = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
    assert.deepEqual([verified.body.verified, verified.body.aal, verified.body.methods], [true, 'aal2', ['totp']]);
    const replay = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(400);
    assert.equal(replay.body.code, 'CODE_INVALID');
    assert.ok(events.some(([name, e]) => name === MfaEvent.TotpVerified && e.userId === 'tara'));
  });

  it('accepts one step of clock drift, not two', async () => {
    t.clock.advance(60_000);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt(-30) }).expect(200);
    t.clock.advance(90_000);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt(-60) }).expect(400);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt(60) }).expect(400);
  });

  it('throttles wrong codes', async () => {
    t.clock.advance(3600_000);
    const wrong = () => String((Number(codeAt()) + 1) % 1_000_000).padStart(6, '0');
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() }).expect(400);
    const limited = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(429);
    assert.equal(limited.body.limit, 'totp_failures');
    assert.equal(limited.body.retryAfterSeconds, 30);
    t.clock.advance(30_000);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
  });

  it('lists both kinds of factor, and a TOTP success lifts an SMS lockout', async () => {
    await enrollVerified(t, 'tara', '+14152018101');
    const factors = await t.http.get('/mfa/factors').set(bearer()).expect(200);
    assert.deepEqual(factors.body.map((f: { type: string; verified: boolean }) => [f.type, f.verified]), [
      ['totp', true],
      ['sms', true],
    ]);
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO mfa_verify_failures (user_id, consecutive, updated_at) VALUES ('tara', 100, now())`),
    );
    await t.http.post('/mfa/sms/challenge').set(bearer()).send({}).expect(202);
    const locked = await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: lastCode(t, '+14152018101') }).expect(429);
    assert.equal(locked.body.limit, 'verify_failures');
    t.clock.advance(30_000);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
    await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: lastCode(t, '+14152018101') }).expect(200);
    assert.ok(events.some(([name, e]) => name === MfaEvent.SmsVerified && e.purpose === 'login'));
  });

  it('publishes a failed event for each refused TOTP, SMS and recovery code: the refusal as reason, never the code', async () => {
    t.clock.advance(3600_000);
    const from = events.length;
    const wrongTotp = String((Number(codeAt()) + 1) % 1_000_000).padStart(6, '0');
    const totp = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrongTotp }).expect(400);
    await t.http.post('/mfa/sms/challenge').set(bearer()).send({}).expect(202);
    const wrongSms = String((Number(lastCode(t, '+14152018101')) + 1) % 1_000_000).padStart(6, '0');
    const sms = await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: wrongSms }).expect(400);
    const recovery = await t.http.post('/mfa/recovery-codes/verify').set(bearer()).send({ code: 'abcde-12345' });
    assert.ok(recovery.status >= 400 && recovery.status < 500, `recovery verify answered ${recovery.status}`);
    const failed = events.slice(from).filter(([name]) => name.endsWith('.failed'));
    assert.deepEqual(
      failed.map(([name, e]) => [name, e.userId, e.reason]),
      [
        [MfaEvent.TotpFailed, 'tara', totp.body.code],
        [MfaEvent.SmsFailed, 'tara', sms.body.code],
        [MfaEvent.RecoveryCodeFailed, 'tara', recovery.body.code],
      ],
    );
    assert.equal(failed[1][1].purpose, 'login');
    const published = JSON.stringify(failed);
    for (const code of [wrongTotp, wrongSms, 'abcde-12345', '4152018101']) assert.ok(!published.includes(code), 'no code or number in an event');
  });

  it('sends the SMS in the language the request asks for', async () => {
    await t.http
      .post('/mfa/sms/enroll')
      .set({ Authorization: `Bearer ${t.token('francoise')}`, 'Accept-Language': 'fr-CH, fr;q=0.9, en;q=0.8' })
      .send({ phoneNumber: '+33612345171' })
      .expect(202);
    assert.match(t.outbox.lastMessageTo('+33612345171')!.body, /^Haven Health : votre code est \d{6}\./);
    await t.http
      .post('/mfa/sms/enroll')
      .set({ Authorization: `Bearer ${t.token('amina')}`, 'Accept-Language': 'so-SO' })
      .send({ phoneNumber: '+252612345172' })
      .expect(202);
    assert.match(t.outbox.lastMessageTo('+252612345172')!.body, /koodhkaagu waa \d{6}/);
  });
});

describe('TOTP lockouts hold under races, and stop at a hard limit', () => {
  let db: TestDatabase;
  let t: TestApp;
  let secret: Secret;
  const bearer = () => ({ Authorization: `Bearer ${t.token('racer')}` });
  const codeAt = () => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret }).generate({ timestamp: t.clock.now().getTime() });
  const wrong = () => String((Number(codeAt()) + 1) % 1_000_000).padStart(6, '0');
  const failures = () =>
    withClient(db.url, async (c) => (await c.query(`SELECT consecutive FROM mfa_totp_failures WHERE user_id = 'racer'`)).rows[0]?.consecutive ?? 0);

  before(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db.url, { cooldownMinutes: 0, totpFailureThreshold: 3, totpFailureHardLimit: 8 });
    const enrolled = await t.http.post('/mfa/totp/enroll').set(bearer()).expect(201);
    secret = Secret.fromBase32(enrolled.body.secret);
    await t.http.post('/mfa/totp/activate').set(bearer()).send({ code: codeAt() }).expect(200);
  });
  after(async () => {
    await t?.close();
    await db?.drop();
  });

  it('100 parallel guesses right after a lock expires: exactly one is checked', async () => {
    for (let i = 0; i < 3; i++) await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() }).expect(400);
    assert.equal(await failures(), 3);
    t.clock.advance(30_000); // the wait ends
    const results = await Promise.all(Array.from({ length: 100 }, () => t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() })));
    const counts = results.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
    assert.deepEqual(counts, { 400: 1, 429: 99 });
    assert.equal(await failures(), 4, 'one guess counted');
  });

  it('the hard limit stops TOTP even for the right code; an admin reset restores it', async () => {
    for (let run = await failures(); run < 8; run++) {
      t.clock.advanceMinutes(60);
      await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: wrong() }).expect(400);
    }
    t.clock.advanceMinutes(24 * 60);
    const stopped = await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(429);
    assert.equal(stopped.body.limit, 'totp_failures');
    assert.equal(stopped.body.retryAfterSeconds, undefined);
    await t.http.delete('/admin/sms/verify-lockouts/racer').set({ Authorization: `Bearer ${t.token('ops', ['admin'])}` }).expect(204);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
    assert.equal(await failures(), 0);
  });

  it('a success with another factor also lifts the TOTP hard stop', async () => {
    await withClient(db.url, (c) => c.query(`INSERT INTO mfa_totp_failures (user_id, consecutive, updated_at) VALUES ('racer', 8, now())`));
    await enrollVerified(t, 'racer', '+14152018402'); // the session verified TOTP above: a step-up
    const factors = (await t.http.get('/mfa/factors').set(bearer()).expect(200)).body;
    assert.ok(factors.some((f: { type: string; verified: boolean }) => f.type === 'sms' && f.verified));
    t.clock.advance(30_000);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(429); // enrolling a number proves no factor
    await t.http.post('/mfa/sms/challenge').set(bearer()).send({}).expect(202);
    await t.http.post('/mfa/sms/verify').set(bearer()).send({ code: lastCode(t, '+14152018402') }).expect(200);
    await t.http.post('/mfa/totp/verify').set(bearer()).send({ code: codeAt() }).expect(200);
  });
});

describe('TOTP secrets under a key that is no longer configured', () => {
  let db: TestDatabase;
  const oldKey = 'a1'.repeat(32);
  const newKey = 'b2'.repeat(32);
  const storedKeyId = async (): Promise<string> =>
    withClient(db.url, async (c) => (await c.query(`SELECT key_id FROM mfa_totp_factors WHERE user_id = 'kim'`)).rows[0].key_id);
  after(async () => {
    await db?.drop();
  });

  it('answer 503 SERVICE_UNAVAILABLE at no guess and no failed event, name the key in the log, open again once the key is back, and tell an altered secret apart', async () => {
    db = await createTestDatabase();
    const bearer = (t: TestApp) => ({ Authorization: `Bearer ${t.token('kim')}` });
    const before = await startTestApp(db.url, { encryptionKey: oldKey });
    let secret: Secret;
    // Each app's fake clock starts at the same instant: a later app moves on by a step or more.
    const codeAt = (t: TestApp) => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret }).generate({ timestamp: t.clock.now().getTime() });
    try {
      const enrolled = await before.http.post('/mfa/totp/enroll').set(bearer(before)).expect(201);
      secret = Secret.fromBase32(enrolled.body.secret);
      await before.http.post('/mfa/totp/activate').set(bearer(before)).send({ code: codeAt(before) }).expect(200);
    } finally {
      await before.close();
    }
    const keyId = await storedKeyId();

    const rotatedWithoutOld = await startTestApp(db.url, { encryptionKey: newKey });
    try {
      rotatedWithoutOld.clock.advance(60_000);
      const failedEvents: MfaEventPayload[] = [];
      rotatedWithoutOld.app.get(EventEmitter2).on(MfaEvent.TotpFailed, (p: MfaEventPayload) => failedEvents.push(p));
      const code = codeAt(rotatedWithoutOld);
      const res = await rotatedWithoutOld.http.post('/mfa/totp/verify').set(bearer(rotatedWithoutOld)).send({ code }).expect(503);
      assert.deepEqual([res.body.code, res.body.retryAfterSeconds], ['SERVICE_UNAVAILABLE', 300]);
      assert.deepEqual(failedEvents, [], 'not a failed attempt: no mfa.totp.failed');
      const guesses = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM mfa_totp_failures WHERE user_id = 'kim'`)).rows[0].n);
      assert.equal(guesses, 0, 'no guess taken');
      assert.ok(rotatedWithoutOld.logs.lines.some((l) => l.includes(`sealed under key id ${keyId}, which is not configured`)), 'the log names the key id');
      assert.ok(!rotatedWithoutOld.logs.lines.some((l) => l.includes(oldKey) || l.includes(newKey) || l.includes(code)), 'no key or code in the log');
    } finally {
      await rotatedWithoutOld.close();
    }

    const rotated = await startTestApp(db.url, { encryptionKey: newKey, previousEncryptionKeys: [oldKey] });
    try {
      rotated.clock.advance(120_000);
      await rotated.http.post('/mfa/totp/verify').set(bearer(rotated)).send({ code: codeAt(rotated) }).expect(200);
      const resealed = await storedKeyId();
      assert.notEqual(resealed, keyId, 're-sealed under the current key on use');
      // A secret altered at rest (one byte of its ciphertext) is told apart from a missing key.
      await withClient(db.url, (c) => c.query(`UPDATE mfa_totp_factors SET secret_enc = set_byte(secret_enc, 40, get_byte(secret_enc, 40) # 1) WHERE user_id = 'kim'`));
      rotated.clock.advance(60_000);
      await rotated.http.post('/mfa/totp/verify').set(bearer(rotated)).send({ code: codeAt(rotated) }).expect(503);
      assert.ok(rotated.logs.lines.some((l) => l.includes(`fails its integrity check under key id ${resealed}`)), 'an integrity failure is named as such');
    } finally {
      await rotated.close();
    }
  });
});
