"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.testRangeRule = exports.TEST_RANGES = void 0;
exports.TEST_RANGES = [
    { pattern: /^\+1\d{3}55501\d{2}$/, name: 'NANP 555-01XX fictional range' },
    { pattern: /^\+1500555\d{4}$/, name: 'Twilio magic test numbers' },
    { pattern: /^\+447700900\d{3}$/, name: 'Ofcom drama range' },
    { pattern: /^\+61491570\d{3}$/, name: 'ACMA fictional mobile range' },
    { pattern: /^\+3361234567\d$/, name: 'common placeholder' },
];
exports.testRangeRule = {
    name: 'test_range',
    usesStatistics: false,
    scope: 'send',
    evaluate(ctx) {
        const hit = exports.TEST_RANGES.find((r) => r.pattern.test(ctx.e164));
        return hit && { rule: this.name, detail: hit.name };
    },
};
//# sourceMappingURL=test-range.rule.js.map