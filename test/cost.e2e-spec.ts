import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AlertsService } from '../src/ops/alerts.service';
import type { MfaConfigOverrides } from '../src/sms-mfa.settings';
import { lastCode, startTestApp, TestApp } from './support/app';
import { createTestDatabase, TestDatabase, withClient } from './support/database';
import { codeIn, ProviderFakes, startProviderFakes } from './support/providers';

const us = (i: number) => `+1415203${String(1000 + i)}`;
const gb = (i: number) => `+447911${String(205000 + i)}`;
const statuses = (results: { status: number }[]) =>
  results.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});

/** A price table file of the documented shape. */
const priceDirs: string[] = [];

function priceFile(table: Record<string, Record<string, number>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-prices-'));
  priceDirs.push(dir);
  const file = join(dir, 'prices.json');
  writeFileSync(file, JSON.stringify(table));
  return file;
}

describe('cost: test numbers, spend caps, routing, wire fields', () => {
  let db: TestDatabase;
  let fakes: ProviderFakes;
  before(async () => {
    db = await createTestDatabase();
    fakes = await startProviderFakes();
  });
  after(async () => {
    await fakes?.stop();
    await db?.drop();
    for (const dir of priceDirs) rmSync(dir, { recursive: true, force: true });
  });

  async function withApps<T>(count: number, config: MfaConfigOverrides, run: (apps: TestApp[]) => Promise<T>): Promise<T> {
    const apps = await Promise.all(Array.from({ length: count }, () => startTestApp(db.url, config)));
    await withClient(db.url, (c) => c.query('TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors, sms_spend_daily'));
    try {
      return await run(apps);
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  }
  const bearer = (t: TestApp, user: string) => ({ Authorization: `Bearer ${t.token(user)}` });
  const spent = async () =>
    Object.fromEntries(
      (await withClient(db.url, async (c) => (await c.query(`SELECT scope, spent_usd FROM sms_spend_daily`)).rows)).map((r) => [r.scope, Number(r.spent_usd)]),
    );

  it('a test number: fixed code, no provider, no limit, no fraud rule, a TEST row; ordinary again once expired', async () => {
    const testNumber = '+14155550100'; // a fictional range: the fraud rules would refuse it
    const config = { testNumbers: { [testNumber]: '424242' }, testNumbersValidUntil: '2026-01-16T00:00:00Z', hourlyLimit: 1, cooldownMinutes: 5 };
    await withApps(1, config, async ([t]) => {
      for (let i = 0; i < 3; i++) {
        await t.http.post('/mfa/sms/enroll').set(bearer(t, 'reviewer')).send({ phoneNumber: testNumber }).expect(202);
      }
      assert.equal(t.outbox.messagesTo(testNumber).length, 0, 'no provider called');
      const verified = await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, 'reviewer')).send({ code: '424242' }).expect(200);
      assert.equal(verified.body.aal, 'aal2');
      await t.http.post('/mfa/sms/challenge').set(bearer(t, 'reviewer')).send({}).expect(202);
      await t.http.post('/mfa/sms/verify').set(bearer(t, 'reviewer')).send({ code: '424242' }).expect(200);
      const rows = await withClient(db.url, async (c) => (await c.query(`SELECT provider, status FROM sms_send_log`)).rows);
      assert.deepEqual(new Set(rows.map((r) => `${r.provider}:${r.status}`)), new Set(['TEST:delivered']));
      const counters = await withClient(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM sms_send_counters`)).rows[0].n);
      assert.equal(counters, 0, 'no limit counted');

      const burst = await Promise.all(
        Array.from({ length: 10 }, () => t.http.post('/mfa/sms/challenge').set(bearer(t, 'reviewer')).send({})),
      );
      assert.deepEqual(burst.map((r) => r.status), Array(10).fill(202), 'concurrent test-number codes take turns: no 500');

      t.clock.advance(Date.parse('2026-01-16T00:00:00Z') - t.clock.now().getTime()); // the list expires
      const expired = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'someone')).send({ phoneNumber: testNumber }).expect(403);
      assert.equal(expired.body.code, 'SUSPICIOUS_NUMBER', 'an ordinary number again: the test_range rule applies');
    });
  });

  it('in development with only the mock provider, the fictional ranges people type are accepted', async () => {
    await withApps(1, { nodeEnv: 'development' }, async ([t]) => {
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'trying')).send({ phoneNumber: '+1 415 555 0123' }).expect(202);
      assert.ok(lastCode(t, '+14155550123'));
    });
    await withApps(1, { nodeEnv: 'test' }, async ([t]) => {
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'trying')).send({ phoneNumber: '+1 415 555 0123' }).expect(403);
    });
  });

  it('the daily spend cap holds exactly: 50 concurrent sends on two instances, $0.01 each, a $0.20 cap → 20 sent', async () => {
    // Small pools: the embedded server (no DATABASE_URL) serves 20 connections in all.
    const config = { priceTableFile: priceFile({ default: { MOCK: 0.01 } }), dailySpendLimitUsd: 0.2, cooldownMinutes: 0, databasePoolSize: 6 };
    await withApps(2, config, async (apps) => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => apps[i % 2].http.post('/mfa/sms/enroll').set(bearer(apps[i % 2], `spender-${i}`)).send({ phoneNumber: us(i) })),
      );
      assert.deepEqual(statuses(results), { 202: 20, 503: 30 });
      const refused = results.find((r) => r.status === 503)!;
      assert.equal(refused.body.code, 'SPEND_LIMIT_REACHED');
      const nextUtcDay = Date.parse('2026-01-16T00:00:00Z') - apps[0].clock.now().getTime();
      assert.equal(Number(refused.headers['retry-after']), nextUtcDay / 1000);
      assert.equal(apps[0].outbox.sent.length + apps[1].outbox.sent.length, 20);
      assert.deepEqual(await spent(), { '*': 0.2 });
      const alerts = (await apps[0].app.get(AlertsService).evaluate()) ?? [];
      assert.ok(alerts.some((a) => a.key === 'spend_cap:*' && a.status === 'firing'), 'an alert at 80 % of the cap');
      let counted = 0;
      for (const t of apps) {
        const metrics = await t.http.get('/metrics').expect(200);
        counted += Number(metrics.text.match(/sms_spend_usd_total\{country="other"\} ([\d.]+)/)?.[1] ?? 0);
      }
      assert.ok(Math.abs(counted - 0.2) < 1e-9, `the 20 sends counted in sms_spend_usd_total (${counted})`);
    });
  });

  it('the per-country cap refuses one country while another still sends', async () => {
    const config = { priceTableFile: priceFile({ default: { MOCK: 0.01 } }), countryDailySpendLimitUsd: 0.03, cooldownMinutes: 0 };
    await withApps(1, config, async ([t]) => {
      const send = (user: string, phone: string) => t.http.post('/mfa/sms/enroll').set(bearer(t, user)).send({ phoneNumber: phone });
      const usResults = [];
      for (let i = 0; i < 5; i++) usResults.push((await send(`us-${i}`, us(100 + i))).status);
      assert.deepEqual(usResults, [202, 202, 202, 503, 503]);
      for (let i = 0; i < 3; i++) await send(`gb-${i}`, gb(i)).expect(202);
      assert.deepEqual(await spent(), { US: 0.03, GB: 0.03 });
    });
  });

  it('cost routing sends each country through its cheaper provider; the provider price replaces the estimate', async () => {
    const table = { US: { TWILIO: 0.01, AWS_SNS: 0.02 }, GB: { TWILIO: 0.05, AWS_SNS: 0.03 }, default: { TWILIO: 0.1, AWS_SNS: 0.1 } };
    const config = { ...fakes.config, priceTableFile: priceFile(table), routing: 'cost' as const, dailySpendLimitUsd: 10 };
    await withApps(1, config, async ([t]) => {
      fakes.twilio.reset();
      fakes.sns.reset();
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'r-us')).send({ phoneNumber: us(200) }).expect(202);
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'r-gb')).send({ phoneNumber: gb(200) }).expect(202);
      assert.deepEqual(fakes.twilio.requests.map((r) => r.form.get('To')), [us(200)]);
      assert.deepEqual(fakes.sns.requests.map((r) => r.form.get('PhoneNumber')), [gb(200)]);
      // Twilio reported $0.0079 for the US message; SNS reports no price, so GB counts at its estimate.
      assert.deepEqual(await spent(), { '*': 0.0379 });
    });
  });

  it('tells the provider how long the code lives and the most it may cost', async () => {
    await withApps(1, { ...fakes.config, maxPriceUsd: 0.05, codeValidityMinutes: 5 }, async ([t]) => {
      fakes.twilio.reset();
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'wire')).send({ phoneNumber: us(300) }).expect(202);
      const form = fakes.twilio.requests[0].form;
      assert.equal(form.get('ValidityPeriod'), '300');
      assert.equal(form.get('MaxPrice'), '0.05');
      fakes.twilio.reset({ kind: 'server-error' });
      fakes.sns.reset();
      await t.http.post('/mfa/sms/enroll').set(bearer(t, 'wire-2')).send({ phoneNumber: us(301) }).expect(202);
      const attributes = Object.fromEntries(
        [...fakes.sns.requests[0].form.entries()].filter(([k]) => k.startsWith('MessageAttributes')).map(([k, v]) => [k, v]),
      );
      assert.ok(Object.values(attributes).includes('AWS.SNS.SMS.MaxPrice'));
      assert.ok(Object.values(attributes).includes('0.05000'));
      assert.ok(codeIn(fakes.sns.requests[0].form.get('Message')!));
    });
  });
});
