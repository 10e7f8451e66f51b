"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const testing_1 = require("@nestjs/testing");
const max_1 = require("libphonenumber-js/max");
const http_client_1 = require("../bench/http-client");
const clock_1 = require("../src/common/clock");
const configure_app_1 = require("../src/demo/configure-app");
const demo_app_module_1 = require("../src/demo/demo-app.module");
const demo_auth_1 = require("../src/demo/demo-auth");
const digit_pattern_rule_1 = require("../src/fraud/rules/digit-pattern.rule");
const mock_sms_provider_1 = require("../src/sms/providers/mock/mock-sms.provider");
const clock_2 = require("../test/support/clock");
const database_1 = require("../test/support/database");
const STEP_SECONDS = 15;
const HOURS = 6;
const LEGIT_PER_COUNTRY_PER_HOUR = 60;
const ATTACK_PER_RANGE_PER_HOUR = 450;
const CONCURRENCY = 16;
const COUNTRIES = {
    US: { code: '1', ranges: ['415', '212', '617', '312'], digits: 10 },
    GB: { code: '44', ranges: ['7911', '7700', '7400', '7500'], digits: 10 },
    DE: { code: '49', ranges: ['151', '160', '170', '176'], digits: 11 },
    UA: { code: '380', ranges: ['67', '50', '63', '93'], digits: 9 },
    SY: { code: '963', ranges: ['93', '94', '95', '99'], digits: 9 },
    AF: { code: '93', ranges: ['70', '72', '78', '79'], digits: 9 },
    SO: { code: '252', ranges: ['61', '62', '63', '68'], digits: 9 },
    KE: { code: '254', ranges: ['712', '722', '733', '701'], digits: 9 },
};
const SURGE_COUNTRY = 'UA';
const ATTACK_RANGES = [
    { code: '998', range: '9012', digits: 9 },
    { code: '998', range: '9134', digits: 9 },
    { code: '998', range: '9377', digits: 9 },
    { code: '992', range: '9188', digits: 9 },
];
const CONFIG = {
    logLevel: 'error',
    trustProxy: 'loopback',
    cleanupIntervalMinutes: 0,
    alertIntervalSeconds: 0,
    httpThrottlePerMinute: 10_000_000,
    authJwtSecret: 'simulation-secret-simulation-secret-00',
    providers: { MOCK: { maxPerMinute: 10_000_000, maxPerHour: 10_000_000, maxPerDay: 10_000_000 } },
};
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const tally = () => ({ requests: 0, refused: 0, byCode: {} });
function count(t, reply, ok) {
    t.requests += 1;
    if (reply.status === ok)
        return;
    t.refused += 1;
    const code = reply.body?.code ?? String(reply.status);
    t.byCode[code] = (t.byCode[code] ?? 0) + 1;
}
async function main() {
    const seedArg = process.argv.indexOf('--seed');
    const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 1;
    const random = prng(seed);
    const pick = (xs) => xs[Math.floor(random() * xs.length)];
    const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const used = new Set();
    const numberIn = (code, range, length) => {
        for (;;) {
            const e164 = `+${code}${range}${digits(length - range.length)}`;
            const { repeated, sequential } = (0, digit_pattern_rule_1.digitRuns)(e164.slice(1 + code.length));
            if (used.has(e164) || repeated >= 6 || sequential >= 6)
                continue;
            try {
                const type = (0, max_1.parsePhoneNumberWithError)(e164).getType();
                if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE')
                    continue;
            }
            catch {
                continue;
            }
            used.add(e164);
            return e164;
        }
    };
    const db = await (0, database_1.createTestDatabase)();
    const clock = new clock_2.FakeClock(Date.parse('2026-11-02T08:00:00Z'));
    const moduleRef = await testing_1.Test.createTestingModule({ imports: [demo_app_module_1.DemoAppModule.register({ ...CONFIG, databaseUrl: db.url })] })
        .overrideProvider(clock_1.Clock)
        .useValue(clock)
        .compile();
    const app = moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] });
    (0, configure_app_1.configureApp)(app);
    await app.listen(0, '127.0.0.1');
    const client = new http_client_1.JsonClient(app.getHttpServer().address().port, CONCURRENCY);
    const auth = app.get(demo_auth_1.DemoAuth);
    const outbox = app.get(mock_sms_provider_1.MockSmsProvider);
    const legit = tally();
    const attack = tally();
    const pending = [];
    let users = 0;
    let ipCounter = 0;
    const attackIps = Array.from({ length: 5000 }, (_, i) => `100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`);
    const started = Date.now();
    const steps = (HOURS * 3600) / STEP_SECONDS;
    const perStep = (perHour) => (perHour * STEP_SECONDS) / 3600;
    const arrivals = (rate) => Math.floor(rate) + (random() < rate % 1 ? 1 : 0);
    for (let step = 0; step < steps; step++) {
        const hour = (step * STEP_SECONDS) / 3600;
        const jobs = [];
        for (const [country, c] of Object.entries(COUNTRIES)) {
            const surge = country === SURGE_COUNTRY && hour >= 2 && hour < 3 ? 5 : 1;
            for (let n = arrivals(perStep(LEGIT_PER_COUNTRY_PER_HOUR * surge)); n > 0; n--) {
                const token = auth.issueToken(`person-${++users}`);
                const phone = numberIn(c.code, pick(c.ranges), c.digits);
                const ip = `198.${18 + (ipCounter >> 16)}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;
                jobs.push(async () => {
                    const reply = await client.post('/mfa/sms/enroll', token, { phoneNumber: phone }, ip);
                    count(legit, reply, 202);
                    if (reply.status === 202 && random() >= 0.05)
                        pending.push({ due: step + 1 + Math.floor(random() * 6), token, phone, ip });
                });
            }
        }
        if (hour >= 1) {
            for (const r of ATTACK_RANGES) {
                for (let n = arrivals(perStep(ATTACK_PER_RANGE_PER_HOUR)); n > 0; n--) {
                    const token = auth.issueToken(`bot-${++users}`);
                    const phone = numberIn(r.code, r.range, r.digits);
                    const ip = pick(attackIps);
                    jobs.push(async () => count(attack, await client.post('/mfa/sms/enroll', token, { phoneNumber: phone }, ip), 202));
                }
            }
        }
        for (const p of pending.filter((x) => x.due === step)) {
            const code = outbox.lastMessageTo(p.phone).body.match(/\b(\d{6})\b/)[1];
            jobs.push(async () => count(legit, await client.post('/mfa/sms/enroll/verify', p.token, { code }, p.ip), 200));
        }
        for (let i = 0; i < jobs.length; i += CONCURRENCY)
            await Promise.all(jobs.slice(i, i + CONCURRENCY).map((j) => j()));
        clock.advance(STEP_SECONDS * 1000);
    }
    const pct = (t) => ((t.refused / Math.max(1, t.requests)) * 100).toFixed(2);
    console.log(`seed ${seed}: ${HOURS} simulated hours in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`attack: ${attack.requests} sends requested, ${attack.refused} refused = ${pct(attack)} % (goal ≥ 95 %)`, attack.byCode);
    console.log(`legitimate: ${legit.requests} requests, ${legit.refused} refused = ${pct(legit)} % (goal ≤ 1 %)`, legit.byCode);
    const events = await (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT rule, action, count(*)::int AS n FROM sms_fraud_events GROUP BY rule, action ORDER BY rule, action`)).rows);
    console.log('fraud events:', events.map((e) => `${e.rule} ${e.action} ${e.n}`).join(', '));
    client.close();
    await app.close();
    await db.drop();
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=simulate-pumping.js.map