"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const one_time_code_1 = require("./one-time-code");
(0, node_test_1.describe)('generateCode', () => {
    (0, node_test_1.it)('gives exactly `length` digits for every length from 4 to 10', () => {
        for (let length = 4; length <= 10; length++) {
            for (let i = 0; i < 200; i++)
                strict_1.default.match((0, one_time_code_1.generateCode)(length), new RegExp(`^\\d{${length}}$`));
        }
    });
    (0, node_test_1.it)('keeps leading zeros and uses every digit in every position', () => {
        const seen = Array.from({ length: 4 }, () => new Set());
        let leadingZero = false;
        for (let i = 0; i < 5000; i++) {
            const code = (0, one_time_code_1.generateCode)(4);
            if (code.startsWith('0'))
                leadingZero = true;
            [...code].forEach((d, pos) => seen[pos].add(d));
        }
        strict_1.default.ok(leadingZero);
        strict_1.default.ok(seen.every((s) => s.size === 10));
    });
});
(0, node_test_1.describe)('CodeHasher', () => {
    const hasher = new one_time_code_1.CodeHasher('k'.repeat(32));
    (0, node_test_1.it)('matches the right code for its own challenge only', () => {
        const stored = hasher.hash('challenge-a', '123456');
        strict_1.default.equal(hasher.matches('challenge-a', '123456', stored), true);
        strict_1.default.equal(hasher.matches('challenge-a', '123457', stored), false);
        strict_1.default.equal(hasher.matches('challenge-b', '123456', stored), false);
    });
    (0, node_test_1.it)('depends on the secret', () => {
        const other = new one_time_code_1.CodeHasher('z'.repeat(32));
        strict_1.default.notDeepEqual(other.hash('c', '123456'), hasher.hash('c', '123456'));
    });
    (0, node_test_1.it)('refuses a stored value of the wrong length instead of throwing', () => {
        strict_1.default.equal(hasher.matches('c', '123456', Buffer.alloc(3)), false);
    });
});
//# sourceMappingURL=one-time-code.spec.js.map