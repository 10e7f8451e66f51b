"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CodeHasher = void 0;
exports.generateCode = generateCode;
const node_crypto_1 = require("node:crypto");
function generateCode(length) {
    return (0, node_crypto_1.randomInt)(0, 10 ** length)
        .toString()
        .padStart(length, '0');
}
class CodeHasher {
    key;
    constructor(secret) {
        this.key = Buffer.from(secret, 'utf8');
    }
    hash(challengeId, code) {
        return (0, node_crypto_1.createHmac)('sha256', this.key).update(`${challengeId}:${code}`).digest();
    }
    matches(challengeId, code, stored) {
        const candidate = this.hash(challengeId, code);
        return stored.length === candidate.length && (0, node_crypto_1.timingSafeEqual)(stored, candidate);
    }
}
exports.CodeHasher = CodeHasher;
//# sourceMappingURL=one-time-code.js.map