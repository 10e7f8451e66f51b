"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SecretBox = void 0;
exports.keyIdOf = keyIdOf;
const node_crypto_1 = require("node:crypto");
const IV_BYTES = 12;
const TAG_BYTES = 16;
function keyIdOf(hexKey) {
    return (0, node_crypto_1.createHash)('sha256').update(Buffer.from(hexKey, 'hex')).digest('hex').slice(0, 12);
}
class SecretBox {
    current;
    keys = new Map();
    constructor(currentHexKey, previousHexKeys = []) {
        for (const hex of [currentHexKey, ...previousHexKeys])
            this.keys.set(keyIdOf(hex), Buffer.from(hex, 'hex'));
        this.current = { id: keyIdOf(currentHexKey), key: Buffer.from(currentHexKey, 'hex') };
    }
    seal(plaintext, additionalData) {
        const iv = (0, node_crypto_1.randomBytes)(IV_BYTES);
        const cipher = (0, node_crypto_1.createCipheriv)('aes-256-gcm', this.current.key, iv);
        cipher.setAAD(Buffer.from(additionalData));
        const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
        return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: this.current.id };
    }
    open(sealed, additionalData) {
        const key = this.keys.get(sealed.keyId);
        if (!key)
            throw new Error(`no key with id ${sealed.keyId}`);
        const iv = sealed.ciphertext.subarray(0, IV_BYTES);
        const tag = sealed.ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
        const decipher = (0, node_crypto_1.createDecipheriv)('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(additionalData));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed.ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    }
    hasKey(keyId) {
        return this.keys.has(keyId);
    }
    isStale(keyId) {
        return keyId !== this.current.id;
    }
}
exports.SecretBox = SecretBox;
//# sourceMappingURL=secret-box.js.map