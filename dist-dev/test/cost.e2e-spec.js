"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const alerts_service_1 = require("../src/ops/alerts.service");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
const us = (i) => `+1415203${String(1000 + i)}`;
const gb = (i) => `+447911${String(205000 + i)}`;
const statuses = (results) => results.reduce((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
const priceDirs = [];
function priceFile(table) {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'mfa-prices-'));
    priceDirs.push(dir);
    const file = (0, node_path_1.join)(dir, 'prices.json');
    (0, node_fs_1.writeFileSync)(file, JSON.stringify(table));
    return file;
}
(0, node_test_1.describe)('cost: test numbers, spend caps, routing, wire fields', () => {
    let db;
    let fakes;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        fakes = await (0, providers_1.startProviderFakes)();
    });
    (0, node_test_1.after)(async () => {
        await fakes?.stop();
        await db?.drop();
        for (const dir of priceDirs)
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    });
    async function withApps(count, config, run) {
        const apps = await Promise.all(Array.from({ length: count }, () => (0, app_1.startTestApp)(db.url, config)));
        await (0, database_1.withClient)(db.url, (c) => c.query('TRUNCATE sms_send_counters, sms_send_log, mfa_challenges, mfa_sms_factors, sms_spend_daily'));
        try {
            return await run(apps);
        }
        finally {
            await Promise.all(apps.map((a) => a.close()));
        }
    }
    const bearer = (t, user) => ({ Authorization: `Bearer ${t.token(user)}` });
    const spent = async () => Object.fromEntries((await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT scope, spent_usd FROM sms_spend_daily`)).rows)).map((r) => [r.scope, Number(r.spent_usd)]));
    (0, node_test_1.it)('a test number: fixed code, no provider, no limit, no fraud rule, a TEST row; ordinary again once expired', async () => {
        const testNumber = '+14155550100';
        const config = { testNumbers: { [testNumber]: '424242' }, testNumbersValidUntil: '2026-01-16T00:00:00Z', hourlyLimit: 1, cooldownMinutes: 5 };
        await withApps(1, config, async ([t]) => {
            for (let i = 0; i < 3; i++) {
                await t.http.post('/mfa/sms/enroll').set(bearer(t, 'reviewer')).send({ phoneNumber: testNumber }).expect(202);
            }
            strict_1.default.equal(t.outbox.messagesTo(testNumber).length, 0, 'no provider called');
            const verified = await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, 'reviewer')).send({ code: '424242' }).expect(200);
            strict_1.default.equal(verified.body.aal, 'aal2');
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'reviewer')).send({}).expect(202);
            await t.http.post('/mfa/sms/verify').set(bearer(t, 'reviewer')).send({ code: '424242' }).expect(200);
            const rows = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT provider, status FROM sms_send_log`)).rows);
            strict_1.default.deepEqual(new Set(rows.map((r) => `${r.provider}:${r.status}`)), new Set(['TEST:delivered']));
            const counters = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM sms_send_counters`)).rows[0].n);
            strict_1.default.equal(counters, 0, 'no limit counted');
            const burst = await Promise.all(Array.from({ length: 10 }, () => t.http.post('/mfa/sms/challenge').set(bearer(t, 'reviewer')).send({})));
            strict_1.default.deepEqual(burst.map((r) => r.status), Array(10).fill(202), 'concurrent test-number codes take turns: no 500');
            t.clock.advance(Date.parse('2026-01-16T00:00:00Z') - t.clock.now().getTime());
            const expired = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'someone')).send({ phoneNumber: testNumber }).expect(403);
            strict_1.default.equal(expired.body.code, 'SUSPICIOUS_NUMBER', 'an ordinary number again: the test_range rule applies');
        });
    });
    (0, node_test_1.it)('in development with only the mock provider, the fictional ranges people type are accepted', async () => {
        await withApps(1, { nodeEnv: 'development' }, async ([t]) => {
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'trying')).send({ phoneNumber: '+1 415 555 0123' }).expect(202);
            strict_1.default.ok((0, app_1.lastCode)(t, '+14155550123'));
        });
        await withApps(1, { nodeEnv: 'test' }, async ([t]) => {
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'trying')).send({ phoneNumber: '+1 415 555 0123' }).expect(403);
        });
    });
    (0, node_test_1.it)('the daily spend cap holds exactly: 50 concurrent sends on two instances, $0.01 each, a $0.20 cap → 20 sent', async () => {
        const config = { priceTableFile: priceFile({ default: { MOCK: 0.01 } }), dailySpendLimitUsd: 0.2, cooldownMinutes: 0, databasePoolSize: 6 };
        await withApps(2, config, async (apps) => {
            const results = await Promise.all(Array.from({ length: 50 }, (_, i) => apps[i % 2].http.post('/mfa/sms/enroll').set(bearer(apps[i % 2], `spender-${i}`)).send({ phoneNumber: us(i) })));
            strict_1.default.deepEqual(statuses(results), { 202: 20, 503: 30 });
            const refused = results.find((r) => r.status === 503);
            strict_1.default.equal(refused.body.code, 'SPEND_LIMIT_REACHED');
            const nextUtcDay = Date.parse('2026-01-16T00:00:00Z') - apps[0].clock.now().getTime();
            strict_1.default.equal(Number(refused.headers['retry-after']), nextUtcDay / 1000);
            strict_1.default.equal(apps[0].outbox.sent.length + apps[1].outbox.sent.length, 20);
            strict_1.default.deepEqual(await spent(), { '*': 0.2 });
            const alerts = (await apps[0].app.get(alerts_service_1.AlertsService).evaluate()) ?? [];
            strict_1.default.ok(alerts.some((a) => a.key === 'spend_cap:*' && a.status === 'firing'), 'an alert at 80 % of the cap');
            let counted = 0;
            for (const t of apps) {
                const metrics = await t.http.get('/metrics').expect(200);
                counted += Number(metrics.text.match(/sms_spend_usd_total\{country="other"\} ([\d.]+)/)?.[1] ?? 0);
            }
            strict_1.default.ok(Math.abs(counted - 0.2) < 1e-9, `the 20 sends counted in sms_spend_usd_total (${counted})`);
        });
    });
    (0, node_test_1.it)('the per-country cap refuses one country while another still sends', async () => {
        const config = { priceTableFile: priceFile({ default: { MOCK: 0.01 } }), countryDailySpendLimitUsd: 0.03, cooldownMinutes: 0 };
        await withApps(1, config, async ([t]) => {
            const send = (user, phone) => t.http.post('/mfa/sms/enroll').set(bearer(t, user)).send({ phoneNumber: phone });
            const usResults = [];
            for (let i = 0; i < 5; i++)
                usResults.push((await send(`us-${i}`, us(100 + i))).status);
            strict_1.default.deepEqual(usResults, [202, 202, 202, 503, 503]);
            for (let i = 0; i < 3; i++)
                await send(`gb-${i}`, gb(i)).expect(202);
            strict_1.default.deepEqual(await spent(), { US: 0.03, GB: 0.03 });
        });
    });
    (0, node_test_1.it)('cost routing sends each country through its cheaper provider; the provider price replaces the estimate', async () => {
        const table = { US: { TWILIO: 0.01, AWS_SNS: 0.02 }, GB: { TWILIO: 0.05, AWS_SNS: 0.03 }, default: { TWILIO: 0.1, AWS_SNS: 0.1 } };
        const config = { ...fakes.config, priceTableFile: priceFile(table), routing: 'cost', dailySpendLimitUsd: 10 };
        await withApps(1, config, async ([t]) => {
            fakes.twilio.reset();
            fakes.sns.reset();
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'r-us')).send({ phoneNumber: us(200) }).expect(202);
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'r-gb')).send({ phoneNumber: gb(200) }).expect(202);
            strict_1.default.deepEqual(fakes.twilio.requests.map((r) => r.form.get('To')), [us(200)]);
            strict_1.default.deepEqual(fakes.sns.requests.map((r) => r.form.get('PhoneNumber')), [gb(200)]);
            strict_1.default.deepEqual(await spent(), { '*': 0.0379 });
        });
    });
    (0, node_test_1.it)('tells the provider how long the code lives and the most it may cost', async () => {
        await withApps(1, { ...fakes.config, maxPriceUsd: 0.05, codeValidityMinutes: 5 }, async ([t]) => {
            fakes.twilio.reset();
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'wire')).send({ phoneNumber: us(300) }).expect(202);
            const form = fakes.twilio.requests[0].form;
            strict_1.default.equal(form.get('ValidityPeriod'), '300');
            strict_1.default.equal(form.get('MaxPrice'), '0.05');
            fakes.twilio.reset({ kind: 'server-error' });
            fakes.sns.reset();
            await t.http.post('/mfa/sms/enroll').set(bearer(t, 'wire-2')).send({ phoneNumber: us(301) }).expect(202);
            const attributes = Object.fromEntries([...fakes.sns.requests[0].form.entries()].filter(([k]) => k.startsWith('MessageAttributes')).map(([k, v]) => [k, v]));
            strict_1.default.ok(Object.values(attributes).includes('AWS.SNS.SMS.MaxPrice'));
            strict_1.default.ok(Object.values(attributes).includes('0.05000'));
            strict_1.default.ok((0, providers_1.codeIn)(fakes.sns.requests[0].form.get('Message')));
        });
    });
});
//# sourceMappingURL=cost.e2e-spec.js.map