"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.keepDevKeysWithData = keepDevKeysWithData;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const mfa_config_1 = require("../config/mfa-config");
function keepDevKeysWithData(env, config) {
    if (config.production || config.databaseUrl || (env.SMS_CODE_SECRET && env.MFA_ENCRYPTION_KEY))
        return undefined;
    const file = (0, node_path_1.join)(config.dataDir, 'dev-keys.json');
    const keys = readKeys(file) ?? createKeys(file, config.dataDir);
    if (!env.SMS_CODE_SECRET)
        env.SMS_CODE_SECRET = keys.SMS_CODE_SECRET;
    if (!env.MFA_ENCRYPTION_KEY)
        env.MFA_ENCRYPTION_KEY = keys.MFA_ENCRYPTION_KEY;
    return file;
}
function readKeys(file) {
    let text;
    try {
        text = (0, node_fs_1.readFileSync)(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw unusable(file, err.code ?? 'unreadable');
    }
    let keys;
    try {
        keys = JSON.parse(text);
    }
    catch {
        throw unusable(file, 'not JSON');
    }
    if (typeof keys?.SMS_CODE_SECRET !== 'string' || keys.SMS_CODE_SECRET.length < 32 || !/^[0-9a-f]{64}$/i.test(keys.MFA_ENCRYPTION_KEY ?? '')) {
        throw unusable(file, 'not the two keys it should hold');
    }
    return keys;
}
function createKeys(file, dataDir) {
    const keys = { SMS_CODE_SECRET: (0, node_crypto_1.randomBytes)(32).toString('base64url'), MFA_ENCRYPTION_KEY: (0, node_crypto_1.randomBytes)(32).toString('hex') };
    (0, node_fs_1.mkdirSync)(dataDir, { recursive: true, mode: 0o700 });
    try {
        (0, node_fs_1.writeFileSync)(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return readKeys(file);
        throw err;
    }
    return keys;
}
function unusable(file, why) {
    return new mfa_config_1.ConfigError([
        `${file} is ${why}: set SMS_CODE_SECRET and MFA_ENCRYPTION_KEY, or remove the data directory to start over`,
    ]);
}
//# sourceMappingURL=dev-keys.js.map