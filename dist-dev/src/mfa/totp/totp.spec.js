"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const otpauth_1 = require("otpauth");
const secret_box_1 = require("./secret-box");
const totp_service_1 = require("./totp.service");
const RFC6238_SHA1 = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
];
(0, node_test_1.describe)('TOTP parameters', () => {
    const secret = otpauth_1.Secret.fromLatin1('12345678901234567890');
    (0, node_test_1.it)('reproduces the RFC 6238 SHA-1 test vectors (8 digits)', () => {
        const totp = new otpauth_1.TOTP({ ...totp_service_1.TOTP_PARAMS, digits: 8, secret });
        for (const [seconds, code] of RFC6238_SHA1)
            strict_1.default.equal(totp.generate({ timestamp: seconds * 1000 }), code, `T=${seconds}`);
    });
    (0, node_test_1.it)('gives the same codes truncated to the 6 digits authenticator apps show', () => {
        const totp = new otpauth_1.TOTP({ ...totp_service_1.TOTP_PARAMS, secret });
        for (const [seconds, code] of RFC6238_SHA1)
            strict_1.default.equal(totp.generate({ timestamp: seconds * 1000 }), code.slice(-6));
    });
});
(0, node_test_1.describe)('SecretBox (AES-256-GCM)', () => {
    const key = 'a'.repeat(64);
    const old = 'b'.repeat(64);
    const plain = Buffer.from('secret bytes of a TOTP seed');
    (0, node_test_1.it)('opens what it sealed, for the same row only', () => {
        const box = new secret_box_1.SecretBox(key);
        const sealed = box.seal(plain, 'factor-1');
        strict_1.default.deepEqual(box.open(sealed, 'factor-1'), plain);
        strict_1.default.ok(!sealed.ciphertext.includes(plain));
        strict_1.default.throws(() => box.open(sealed, 'factor-2'));
    });
    (0, node_test_1.it)('detects tampering with any byte', () => {
        const box = new secret_box_1.SecretBox(key);
        const sealed = box.seal(plain, 'f');
        for (const index of [0, 13, 30, sealed.ciphertext.length - 1]) {
            const tampered = Buffer.from(sealed.ciphertext);
            tampered[index] ^= 0x01;
            strict_1.default.throws(() => box.open({ ...sealed, ciphertext: tampered }, 'f'), `byte ${index}`);
        }
    });
    (0, node_test_1.it)('rotates: a previous key still opens, the current one seals, an unknown key id is refused', () => {
        const sealedWithOld = new secret_box_1.SecretBox(old).seal(plain, 'f');
        const rotated = new secret_box_1.SecretBox(key, [old]);
        strict_1.default.deepEqual(rotated.open(sealedWithOld, 'f'), plain);
        strict_1.default.equal(rotated.isStale(sealedWithOld.keyId), true);
        strict_1.default.equal(rotated.seal(plain, 'f').keyId, (0, secret_box_1.keyIdOf)(key));
        strict_1.default.throws(() => new secret_box_1.SecretBox(key).open(sealedWithOld, 'f'), /no key/);
    });
});
//# sourceMappingURL=totp.spec.js.map