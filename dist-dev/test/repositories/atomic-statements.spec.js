"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const challenges_repository_1 = require("../../src/challenges/challenges.repository");
const one_time_code_1 = require("../../src/codes/one-time-code");
const recovery_codes_repository_1 = require("../../src/mfa/recovery/recovery-codes.repository");
const failure_runs_repository_1 = require("../../src/rate-limit/failure-runs.repository");
const mfa_config_1 = require("../../src/config/mfa-config");
const send_limits_1 = require("../../src/rate-limit/send-limits");
const spend_repository_1 = require("../../src/sms/pricing/spend.repository");
const repositories_1 = require("../support/repositories");
(0, node_test_1.describe)('repository tier: the atomic statements, raced against Postgres', () => {
    const fixture = (0, repositories_1.useRepositoryDb)();
    const now = new Date('2026-03-01T12:00:00Z');
    const hasher = new one_time_code_1.CodeHasher('s'.repeat(32));
    const config = (0, mfa_config_1.loadMfaConfig)({}, { cooldownMinutes: 0, hourlyLimit: 3, dailyLimit: 10 });
    async function issue(challenges, userId, phone) {
        const id = (0, node_crypto_1.randomUUID)();
        const outcome = await challenges.issue({
            id,
            userId,
            newFactorId: (0, node_crypto_1.randomUUID)(),
            phoneE164: phone,
            purpose: 'enroll',
            channel: 'sms',
            fixedLine: false,
            codeHash: hasher.hash(id, '123456'),
            expiresAt: new Date(now.getTime() + 600_000),
            maxAttempts: 3,
            createdAt: now,
            firstProvider: 'MOCK',
            country: 'US',
            prefix: '+14152',
            slot: (0, send_limits_1.sendSlotRequest)(config, { userId, phoneE164: phone, purpose: 'enroll' }),
        });
        return { id, outcome };
    }
    (0, node_test_1.it)('issue: 50 parallel issues for one user admit exactly the hourly limit, one live code', async () => {
        const challenges = new challenges_repository_1.ChallengesRepository(fixture.db);
        const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => issue(challenges, 'racer', `+1415206${1000 + i}`)));
        const admitted = results.filter((r) => r.status === 'fulfilled' && 'attemptId' in r.value.outcome);
        strict_1.default.ok(admitted.length >= 1 && admitted.length <= 3, `admitted ${admitted.length}`);
        const [{ live }] = await fixture.db.query(`SELECT count(*)::int AS live FROM mfa_challenges WHERE user_id = 'racer' AND consumed_at IS NULL AND invalidated_at IS NULL`);
        strict_1.default.equal(live, 1, 'one live code');
        const [{ sends }] = await fixture.db.query(`SELECT cardinality(sends) AS sends FROM sms_send_counters WHERE subject = 'user:racer'`);
        strict_1.default.equal(sends, admitted.length, 'every admitted issue counted, no other');
    });
    (0, node_test_1.it)('consume: of 20 concurrent consumers of one code exactly one wins', async () => {
        const challenges = new challenges_repository_1.ChallengesRepository(fixture.db);
        const { id } = await issue(challenges, 'consumer', '+14152062001');
        const results = await Promise.all(Array.from({ length: 20 }, () => challenges.consume(id, now)));
        strict_1.default.equal(results.filter(Boolean).length, 1);
    });
    (0, node_test_1.it)('takeAttempt: of 50 concurrent SMS guesses at one code, exactly max_attempts are let through to compare', async () => {
        const challenges = new challenges_repository_1.ChallengesRepository(fixture.db);
        await issue(challenges, 'burster', '+14152062002');
        const results = await Promise.all(Array.from({ length: 50 }, () => challenges.takeAttempt('burster', 'enroll', now, 100)));
        strict_1.default.deepEqual(results.filter(Boolean).map((c) => c.attempts).sort(), [1, 2, 3]);
    });
    (0, node_test_1.it)('takeAttempt: none while the user waits out a lockout or past the hard limit', async () => {
        const challenges = new challenges_repository_1.ChallengesRepository(fixture.db);
        await issue(challenges, 'waiter', '+14152062003');
        await fixture.db.query(`INSERT INTO mfa_verify_failures (user_id, consecutive, locked_until, updated_at) VALUES ('waiter', 4, $1, $2)`, [
            new Date(now.getTime() + 60_000),
            now,
        ]);
        strict_1.default.equal(await challenges.takeAttempt('waiter', 'enroll', now, 100), undefined);
        const afterWait = new Date(now.getTime() + 61_000);
        strict_1.default.ok(await challenges.takeAttempt('waiter', 'enroll', afterWait, 100));
        strict_1.default.equal(await challenges.takeAttempt('waiter', 'enroll', afterWait, 4), undefined, 'hard limit');
    });
    (0, node_test_1.it)('takeGuess: 50 concurrent guesses when a wait ends take exactly one', async () => {
        const runs = new failure_runs_repository_1.FailureRunsRepository(fixture.db);
        for (let i = 0; i < 3; i++)
            strict_1.default.equal((await runs.takeGuess('totp', 'guesser', now, 3, 100)).taken, true);
        const later = new Date(now.getTime() + 30_000);
        const results = await Promise.all(Array.from({ length: 50 }, () => runs.takeGuess('totp', 'guesser', later, 3, 100)));
        strict_1.default.equal(results.filter((r) => r.taken).length, 1);
    });
    (0, node_test_1.it)('recovery codes: 10 concurrent uses of one code, exactly one', async () => {
        const codes = new recovery_codes_repository_1.RecoveryCodesRepository(fixture.db);
        const hash = hasher.hash('recovery:holder', 'abcde12345');
        await fixture.db.query(`INSERT INTO mfa_recovery_codes (user_id, set_id, code_hash, created_at) VALUES ('holder', $1, $2, $3)`, [(0, node_crypto_1.randomUUID)(), hash, now]);
        const raise = { session: null, method: 'recovery_code', now, expiresAt: now };
        const results = await Promise.all(Array.from({ length: 10 }, () => codes.use('holder', hash, raise)));
        strict_1.default.equal(results.filter(Boolean).length, 1);
    });
    (0, node_test_1.it)('spend: 50 concurrent reservations never pass a cap', async () => {
        const spend = new spend_repository_1.SpendRepository(fixture.db);
        const results = await Promise.all(Array.from({ length: 50 }, () => spend.take('2026-03-01', ['*', 'US'], [1, 0.5], 0.03)));
        strict_1.default.equal(results.filter((r) => r === undefined).length, 16, 'floor(0.5 / 0.03) reservations');
        strict_1.default.deepEqual(await spend.read('2026-03-01'), [
            { scope: '*', spentUsd: 0.48 },
            { scope: 'US', spentUsd: 0.48 },
        ]);
    });
});
//# sourceMappingURL=atomic-statements.spec.js.map