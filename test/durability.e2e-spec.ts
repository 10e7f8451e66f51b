import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SendLogRepository } from '../src/sms/send-log.repository';
import { enrollVerified, lastCode, startTestApp, type TestApp } from './support/app';
import { withClient } from './support/database';
import { PrivatePostgres, postgresBinaries } from './support/private-postgres';

const BIN = postgresBinaries();
const USERS = 20;
const phone = (i: number) => `+1415555${String(3000 + i).padStart(4, '0')}`;

/**
 * The accepted write commits with synchronous_commit off. A kill -9 of
 * Postgres right after the answers may lose some of those writes; it must
 * lose nothing a user relies on: every code answered 202 stays verifiable,
 * and an attempt whose acceptance was lost is reconciled by the reaper.
 */
describe('a Postgres crash during accepted writes', { skip: BIN ? false : 'needs the Postgres server binaries and root' }, () => {
  let pg: PrivatePostgres;
  let t: TestApp;

  before(async () => {
    pg = new PrivatePostgres(BIN!);
    await pg.start();
    t = await startTestApp(pg.url, { cooldownMinutes: 0, databasePoolSize: 10 });
  });
  after(async () => {
    await t?.close().catch(() => undefined);
    await pg?.stop();
  });

  it('loses nothing a user relies on: the codes stay verifiable, lost acceptances are reaped, a resend works', async () => {
    for (let i = 0; i < USERS; i++) await enrollVerified(t, `crash-${i}`, phone(i));
    const auth = (i: number) => ({ Authorization: `Bearer ${t.token(`crash-${i}`)}` });

    // Concurrent login sends; the moment every one is answered, Postgres dies without a flush.
    const sent = await Promise.all(Array.from({ length: USERS }, (_, i) => t.http.post('/mfa/sms/challenge').set(auth(i)).send({})));
    assert.ok(sent.every((r) => r.status === 202), 'every send answered 202');
    await pg.crash();
    await pg.start();

    const attempts = await withClient(pg.url, (c) =>
      c.query<{ status: string }>(
        `SELECT l.status FROM sms_send_log l JOIN mfa_challenges ch ON ch.id = l.challenge_id WHERE ch.id = ANY($1::uuid[])`,
        [sent.map((r) => r.body.challengeId)],
      ),
    );
    assert.equal(attempts.rows.length, USERS, 'every answered send kept its challenge and its attempt (both durable)');
    assert.ok(attempts.rows.every((r) => ['accepted', 'sent', 'delivered', 'sending'].includes(r.status)), 'accepted, or left sending');

    // A crash kills the pool's connections: the first statements after the restart may fail (503) while it reconnects.
    for (let tries = 0; tries < 20 && (await t.http.get('/health/ready')).status !== 200; tries++) await new Promise((r) => setTimeout(r, 200));
    const verified = [];
    for (let i = 0; i < USERS; i++) {
      verified.push((await t.http.post('/mfa/sms/verify').set(auth(i)).send({ code: lastCode(t, phone(i)) })).status);
    }
    assert.deepEqual(verified, Array(USERS).fill(200), 'every code answered 202 before the crash verifies after it');

    // What lost its acceptance is marked by the reaper, never left 'sending'.
    await t.app.get(SendLogRepository).reapStale(0);
    const left = await withClient(pg.url, (c) => c.query(`SELECT 1 FROM sms_send_log WHERE status = 'sending'`));
    assert.equal(left.rows.length, 0, 'no attempt left sending after the reaper');

    // And the user can ask again.
    await t.http.post('/mfa/sms/challenge').set(auth(0)).send({}).expect(202);
  });
});
