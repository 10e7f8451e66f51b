import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Injectable } from '@nestjs/common';
import type { MfaFrictionVerifier } from '../src';
import { lastCode, startTestApp, type TestApp } from './support/app';
import { createTestDatabase, withClient, type TestDatabase } from './support/database';

/** The host's friction step in these tests: a person's answer passes, anything else does not. */
@Injectable()
class TestCaptcha implements MfaFrictionVerifier {
  verify(proof: string): boolean {
    return proof === 'solved-by-a-person';
  }
}

/** Seven digits per index with no long runs (the digit-pattern rule refuses those). */
const digits = (i: number) => String(2_468_137 + i * 7919).slice(-7).replace(/(\d)\1\1/g, '$17$1');
const uz = (range: string, i: number) => `+998${range}${digits(i)}`;
const ip = (i: number) => `203.0.${i >> 8}.${i & 255}`;

/** A fresh database each: cold start is the point. */
function useColdStart(config = {}, wiring = {}) {
  const fixture = {} as { db: TestDatabase; t: TestApp };
  before(async () => {
    fixture.db = await createTestDatabase();
    fixture.t = await startTestApp(fixture.db.url, { cooldownMinutes: 0, trustProxy: 'loopback', ...config }, wiring);
  });
  after(async () => {
    await fixture.t?.close();
    await fixture.db?.drop();
  });
  return fixture;
}

describe('pumping from a cold start', () => {
  describe('a high-prior range with no conversions, from an empty database', () => {
    const fixture = useColdStart({}, { friction: TestCaptcha });
    const enrol = (user: string, phone: string, i: number, frictionProof?: string) =>
      fixture.t.http
        .post('/mfa/sms/enroll')
        .set({ Authorization: `Bearer ${fixture.t.token(user)}`, 'X-Forwarded-For': ip(i) })
        .send({ phoneNumber: phone, ...(frictionProof && { frictionProof }) });

    it('gets friction from the first send: a person passes it, a bot does not, and nothing is sent before', async () => {
      const { t } = fixture;
      const first = await enrol('uz-1', uz('90', 1), 1);
      assert.equal(first.status, 403);
      assert.equal(first.body.code, 'FRICTION_REQUIRED');
      assert.equal(t.outbox.lastMessageTo(uz('90', 1)), undefined, 'nothing sent');
      assert.equal((await enrol('uz-1', uz('90', 1), 1, 'made-up')).body.code, 'FRICTION_REQUIRED');
      await enrol('uz-1', uz('90', 1), 1, 'solved-by-a-person').expect(202);
      const events = await withClient(fixture.db.url, (c) => c.query(`SELECT count(*)::int AS n FROM sms_fraud_events WHERE rule = 'prior_risk'`));
      assert.equal(events.rows[0].n, 2, 'each friction asked is an event for the operator');
    });

    it('a malformed frictionProof is a 400 with a stable code, and costs nothing', async () => {
      const tooLong = await enrol('uz-9', uz('90', 9), 9, 'x'.repeat(5000));
      assert.deepEqual([tooLong.status, tooLong.body.code], [400, 'VALIDATION_FAILED']);
      const odd = await fixture.t.http
        .post('/mfa/sms/enroll')
        .set({ Authorization: `Bearer ${fixture.t.token('uz-9')}` })
        .send({ phoneNumber: uz('90', 9), frictionProof: { not: 'a string' } });
      assert.deepEqual([odd.status, odd.body.code], [400, 'VALIDATION_FAILED']);
      assert.equal(fixture.t.outbox.lastMessageTo(uz('90', 9)), undefined);
    });

    it('codes seen used lift it: after six people verified (and not before), the range is trusted', async () => {
      const { t } = fixture;
      const verify = (i: number) =>
        t.http.post('/mfa/sms/enroll/verify').set({ Authorization: `Bearer ${t.token(`uz-${i}`)}` }).send({ code: lastCode(t, uz('90', i)) }).expect(200);
      await verify(1);
      for (let i = 2; i <= 6; i++) {
        assert.equal((await enrol(`uz-${i}`, uz('90', i), i)).body.code, 'FRICTION_REQUIRED', `still friction after ${i - 1} codes used`);
        await enrol(`uz-${i}`, uz('90', i), i, 'solved-by-a-person').expect(202);
        await verify(i);
      }
      await enrol('uz-7', uz('90', 7), 7).expect(202);
    });

    it('a user who already verified by SMS is never stopped', async () => {
      await enrol('uz-2', uz('93', 77), 77).expect(202);
    });
  });

  describe('a displacement surge in a low-prior country', () => {
    const fixture = useColdStart({}, { friction: TestCaptcha });

    it('passes from an empty database: 40 people at once, none verified yet, none asked for friction', async () => {
      const { t } = fixture;
      const replies = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          t.http
            .post('/mfa/sms/enroll')
            .set({ Authorization: `Bearer ${t.token(`ua-${i}`)}`, 'X-Forwarded-For': ip(100 + i) })
            .send({ phoneNumber: `+38067${digits(i)}` }),
        ),
      );
      assert.deepEqual(replies.map((r) => r.status), Array(40).fill(202), JSON.stringify(replies.find((r) => r.status !== 202)?.body));
    });
  });

  describe("people who pass the host's friction step, on a range not trusted yet", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfa-prices-'));
    const priceTableFile = join(dir, 'prices.json');
    writeFileSync(priceTableFile, JSON.stringify({ default: { MOCK: 0.25, MOCK_VOICE: 0.4, MOCK_WHATSAPP: 0.1 } }));
    const fixture = useColdStart({ priceTableFile, fraudUnprovenPrefixHourlyUsd: 1, fraudUnprovenCountryHourlyUsd: 5 }, { friction: TestCaptcha });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("are held to the country's hourly cap, not the range's: 20 sends at $0.25 on one range go, the 21st does not", async () => {
      const { t } = fixture;
      const enrolled = [];
      for (let i = 0; i < 21; i++)
        enrolled.push(
          await t.http
            .post('/mfa/sms/enroll')
            .set({ Authorization: `Bearer ${t.token(`person-${i}`)}`, 'X-Forwarded-For': ip(300 + i) })
            .send({ phoneNumber: uz('90', 300 + i), frictionProof: 'solved-by-a-person' }),
        );
      assert.deepEqual(enrolled.slice(0, 20).map((r) => r.status), Array(20).fill(202), 'past the range cap of $1 (4 sends)');
      assert.deepEqual([enrolled[20].status, enrolled[20].body.code, enrolled[20].body.limit], [503, 'SPEND_LIMIT_REACHED', 'spend_unproven_country_hourly']);
    });
  });

  describe('a ring that rotates ranges, over two instances, with no host friction step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfa-prices-'));
    const priceTableFile = join(dir, 'prices.json');
    writeFileSync(priceTableFile, JSON.stringify({ default: { MOCK: 0.25, MOCK_VOICE: 0.4, MOCK_WHATSAPP: 0.1 } }));
    const config = { priceTableFile, fraudUnprovenPrefixHourlyUsd: 1, fraudUnprovenCountryHourlyUsd: 5 };
    const fixture = useColdStart(config);
    let second: TestApp;
    before(async () => {
      second = await startTestApp(fixture.db.url, { cooldownMinutes: 0, trustProxy: 'loopback', ...config });
    });
    after(() => second?.close());

    it('spends at most the hourly cap of the country: 100 sends over 10 ranges, from 2 instances at once', async () => {
      const ranges = ['90', '91', '93', '94', '95', '97', '98', '99', '33', '88'];
      const phones = Array.from({ length: 100 }, (_, i) => uz(ranges[i % 10], 1000 + i));
      const replies = await Promise.all(
        phones.map((phone, i) =>
          (i % 2 ? second : fixture.t).http
            .post('/mfa/sms/enroll')
            .set({ Authorization: `Bearer ${fixture.t.token(`bot-${i}`)}`, 'X-Forwarded-For': ip(i) })
            .send({ phoneNumber: phone }),
        ),
      );
      const reached = phones.filter((p) => fixture.t.outbox.lastMessageTo(p) || second.outbox.lastMessageTo(p)).length;
      const spent = reached * 0.25;
      assert.ok(reached > 0, 'the first sends of a cold range go (a person may be behind them)');
      assert.ok(spent <= 5, `spent $${spent} on the ring, the country's hourly cap is $5`);
      assert.ok(replies.filter((r) => r.status === 202).length === reached);
      const refused = replies.filter((r) => r.status !== 202);
      assert.ok(refused.every((r) => r.status === 503 && r.body.code === 'SPEND_LIMIT_REACHED'), JSON.stringify(refused.find((r) => r.body.code !== 'SPEND_LIMIT_REACHED')?.body));
      const rows = await withClient(fixture.db.url, (c) =>
        c.query<{ scope: string; spent: string }>(`SELECT scope, spent_usd AS spent FROM sms_spend_daily WHERE scope LIKE 'unproven-h%:UZ'`),
      );
      assert.equal(rows.rows.length, 1);
      assert.ok(Number(rows.rows[0].spent) <= 5);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
  });
});
