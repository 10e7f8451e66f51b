"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const mfa_config_1 = require("../../config/mfa-config");
const digit_pattern_rule_1 = require("./digit-pattern.rule");
const distinct_numbers_rule_1 = require("./distinct-numbers.rule");
const low_conversion_rule_1 = require("./low-conversion.rule");
const test_range_rule_1 = require("./test-range.rule");
const velocity_rule_1 = require("./velocity.rule");
const config = (0, mfa_config_1.loadMfaConfig)({});
const still = { recentRequesters: 0, baselineSends: 0, baselineRequesters: 0, settled: 0, verified: 0, settledRequesters: 0 };
const quiet = { userOtherNumbers: 0, ipOtherNumbers: 0, prefix: still, country: still, requesterProven: false };
const region = (r) => ({ ...still, ...r });
function ctx(e164 = '+14152017001', stats) {
    const national = e164.startsWith('+1') ? e164.slice(2) : e164.slice(3);
    return {
        e164,
        callingCode: e164.startsWith('+1') ? '1' : e164.slice(1, 3),
        nationalNumber: national,
        prefix: e164.slice(0, 6),
        country: 'US',
        userId: 'u',
        clientIp: '203.0.113.7',
        stats: stats && { ...quiet, ...stats },
    };
}
(0, node_test_1.describe)('digit_pattern', () => {
    (0, node_test_1.it)('measures runs of identical and consecutive digits', () => {
        strict_1.default.deepEqual((0, digit_pattern_rule_1.digitRuns)('4152017001'), { repeated: 2, sequential: 2 });
        strict_1.default.deepEqual((0, digit_pattern_rule_1.digitRuns)('7777777123'), { repeated: 7, sequential: 3 });
        strict_1.default.deepEqual((0, digit_pattern_rule_1.digitRuns)('9876543210'), { repeated: 1, sequential: 10 });
    });
    (0, node_test_1.it)('fires on 6 identical or consecutive digits, not on ordinary numbers', () => {
        strict_1.default.equal(digit_pattern_rule_1.digitPatternRule.evaluate(ctx('+14152017001'), config), undefined);
        strict_1.default.equal(digit_pattern_rule_1.digitPatternRule.evaluate(ctx('+14157777771'), config)?.rule, 'digit_pattern');
        strict_1.default.equal(digit_pattern_rule_1.digitPatternRule.evaluate(ctx('+14151234567'), config)?.rule, 'digit_pattern');
    });
});
(0, node_test_1.describe)('test_range', () => {
    (0, node_test_1.it)('fires on fictional and provider test ranges only', () => {
        for (const n of ['+14155550123', '+12125550199', '+15005550006', '+447700900123', '+61491570156']) {
            strict_1.default.equal(test_range_rule_1.testRangeRule.evaluate(ctx(n), config)?.rule, 'test_range', n);
        }
        for (const n of ['+14155552671', '+447911204538', '+61412345678']) {
            strict_1.default.equal(test_range_rule_1.testRangeRule.evaluate(ctx(n), config), undefined, n);
        }
    });
});
(0, node_test_1.describe)('velocity (regional: judged by breadth and conversion, on a warm baseline)', () => {
    const warm = { baselineSends: 2000, baselineRequesters: 1440 };
    (0, node_test_1.it)('unverified pumping: a burst of many requesters whose codes go unused fires, and refuses', () => {
        const pumping = region({ ...warm, recentRequesters: 59, settled: 200, verified: 4, settledRequesters: 150 });
        const trigger = velocity_rule_1.prefixVelocityRule.evaluate(ctx(undefined, { prefix: pumping }), config);
        strict_1.default.equal(trigger?.rule, 'prefix_velocity');
        strict_1.default.equal(trigger?.coldStart, false);
        strict_1.default.equal(velocity_rule_1.countryVelocityRule.evaluate(ctx(undefined, { country: pumping }), config)?.rule, 'country_velocity');
    });
    (0, node_test_1.it)('a verified surge (a displacement event) passes: its codes are being used', () => {
        const surge = region({ ...warm, recentRequesters: 120, settled: 300, verified: 270, settledRequesters: 250 });
        strict_1.default.equal(velocity_rule_1.countryVelocityRule.evaluate(ctx(undefined, { country: surge }), config), undefined);
    });
    (0, node_test_1.it)('a cold start only monitors: no baseline yet, or conversion not yet known', () => {
        const cold = region({ recentRequesters: 40, baselineSends: 10, baselineRequesters: 5, settled: 30, verified: 0, settledRequesters: 30 });
        strict_1.default.equal(velocity_rule_1.countryVelocityRule.evaluate(ctx(undefined, { country: cold }), config)?.coldStart, true);
        const unknown = region({ ...warm, recentRequesters: 70, settled: 3 });
        strict_1.default.equal(velocity_rule_1.countryVelocityRule.evaluate(ctx(undefined, { country: unknown }), config)?.coldStart, true);
    });
    (0, node_test_1.it)('counts requesters, not sends: steady traffic and a few accounts do not make a burst', () => {
        strict_1.default.equal(velocity_rule_1.prefixVelocityRule.evaluate(ctx(undefined, { prefix: region({ ...warm, recentRequesters: 30 }) }), config), undefined);
        strict_1.default.equal(velocity_rule_1.prefixVelocityRule.evaluate(ctx(undefined, { prefix: region({ recentRequesters: 3, settled: 40 }) }), config), undefined);
    });
    (0, node_test_1.it)('does not run without statistics (sends to proven numbers)', () => {
        strict_1.default.equal(velocity_rule_1.prefixVelocityRule.evaluate(ctx(), config), undefined);
    });
});
(0, node_test_1.describe)('numbers per user / IP', () => {
    (0, node_test_1.it)('fires past the configured number of distinct numbers in a day', () => {
        strict_1.default.equal(distinct_numbers_rule_1.numbersPerUserRule.evaluate(ctx(undefined, { userOtherNumbers: 2 }), config), undefined);
        strict_1.default.equal(distinct_numbers_rule_1.numbersPerUserRule.evaluate(ctx(undefined, { userOtherNumbers: 3 }), config)?.rule, 'numbers_per_user');
        strict_1.default.equal(distinct_numbers_rule_1.numbersPerIpRule.evaluate(ctx(undefined, { ipOtherNumbers: 9 }), config), undefined);
        strict_1.default.equal(distinct_numbers_rule_1.numbersPerIpRule.evaluate(ctx(undefined, { ipOtherNumbers: 10 }), config)?.rule, 'numbers_per_ip');
    });
});
(0, node_test_1.describe)('low_conversion (regional)', () => {
    (0, node_test_1.it)('unverified pumping: enough settled codes from enough requesters, few used, fires', () => {
        const pumping = region({ settled: 40, verified: 3, settledRequesters: 40 });
        strict_1.default.equal(low_conversion_rule_1.lowConversionRule.evaluate(ctx(undefined, { prefix: pumping }), config)?.rule, 'low_conversion');
        strict_1.default.equal(low_conversion_rule_1.lowConversionRule.evaluate(ctx(undefined, { prefix: { ...pumping, verified: 4 } }), config), undefined);
    });
    (0, node_test_1.it)('a verified surge passes', () => {
        strict_1.default.equal(low_conversion_rule_1.lowConversionRule.evaluate(ctx(undefined, { prefix: region({ settled: 500, verified: 460, settledRequesters: 480 }) }), config), undefined);
    });
    (0, node_test_1.it)('a cold start, or a few accounts, cannot make it fire', () => {
        strict_1.default.equal(low_conversion_rule_1.lowConversionRule.evaluate(ctx(undefined, { prefix: region({ settled: 19, settledRequesters: 19 }) }), config), undefined);
        strict_1.default.equal(low_conversion_rule_1.lowConversionRule.evaluate(ctx(undefined, { prefix: region({ settled: 60, settledRequesters: 4 }) }), config), undefined);
    });
});
//# sourceMappingURL=rules.spec.js.map