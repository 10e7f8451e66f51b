"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.generateRecoveryCode = generateRecoveryCode;
exports.normalizeRecoveryCode = normalizeRecoveryCode;
const node_crypto_1 = require("node:crypto");
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10;
function generateRecoveryCode() {
    const symbols = [...(0, node_crypto_1.randomBytes)(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
    return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}
function normalizeRecoveryCode(input) {
    const code = input
        .toLowerCase()
        .replace(/[\s-]/g, '')
        .replace(/o/g, '0')
        .replace(/[il]/g, '1');
    return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}
//# sourceMappingURL=recovery-code.js.map