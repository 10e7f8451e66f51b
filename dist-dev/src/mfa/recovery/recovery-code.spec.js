"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const recovery_code_1 = require("./recovery-code");
(0, node_test_1.describe)('recovery codes', () => {
    (0, node_test_1.it)('are written xxxxx-xxxxx in an alphabet without look-alikes', () => {
        for (let i = 0; i < 200; i++) {
            const code = (0, recovery_code_1.generateRecoveryCode)();
            strict_1.default.match(code, /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
            strict_1.default.doesNotMatch(code, /[ilou]/);
        }
    });
    (0, node_test_1.it)('carry 50 bits: every symbol of the 32 appears in every position', () => {
        const seen = Array.from({ length: 10 }, () => new Set());
        for (let i = 0; i < 3000; i++)
            [...(0, recovery_code_1.generateRecoveryCode)().replace('-', '')].forEach((c, p) => seen[p].add(c));
        strict_1.default.ok(seen.every((s) => s.size === 32));
    });
    (0, node_test_1.it)('read input ignoring case, spaces and dashes, and take O, I and L for 0, 1 and 1', () => {
        strict_1.default.equal((0, recovery_code_1.normalizeRecoveryCode)(' AB2CD - 3EF4G '), 'ab2cd3ef4g');
        strict_1.default.equal((0, recovery_code_1.normalizeRecoveryCode)('OOIIL-XYZ98'), '00111xyz98');
        strict_1.default.equal((0, recovery_code_1.normalizeRecoveryCode)('abcde-fghj'), undefined, 'too short');
        strict_1.default.equal((0, recovery_code_1.normalizeRecoveryCode)('abcde-fghju'), undefined, 'U is not in the alphabet');
        strict_1.default.equal((0, recovery_code_1.normalizeRecoveryCode)('abcde_fghjk'), undefined);
    });
});
//# sourceMappingURL=recovery-code.spec.js.map