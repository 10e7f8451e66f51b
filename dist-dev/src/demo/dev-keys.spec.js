"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const mfa_config_1 = require("../config/mfa-config");
const dev_keys_1 = require("./dev-keys");
(0, node_test_1.describe)('keepDevKeysWithData', () => {
    const root = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'mfa-dev-keys-'));
    (0, node_test_1.after)(() => (0, node_fs_1.rmSync)(root, { recursive: true, force: true }));
    const dev = (dataDir) => ({ production: false, databaseUrl: undefined, dataDir });
    (0, node_test_1.it)('writes keys with the data on first start (owner-only) and takes the same keys on the next', () => {
        const dataDir = (0, node_path_1.join)(root, 'data');
        const first = {};
        const file = (0, dev_keys_1.keepDevKeysWithData)(first, dev(dataDir));
        strict_1.default.equal(file, (0, node_path_1.join)(dataDir, 'dev-keys.json'));
        strict_1.default.match(first.SMS_CODE_SECRET, /^[A-Za-z0-9_-]{43}$/);
        strict_1.default.match(first.MFA_ENCRYPTION_KEY, /^[0-9a-f]{64}$/);
        strict_1.default.equal((0, node_fs_1.statSync)(file).mode & 0o777, 0o600);
        const restarted = {};
        (0, dev_keys_1.keepDevKeysWithData)(restarted, dev(dataDir));
        strict_1.default.deepEqual([restarted.SMS_CODE_SECRET, restarted.MFA_ENCRYPTION_KEY], [first.SMS_CODE_SECRET, first.MFA_ENCRYPTION_KEY]);
    });
    (0, node_test_1.it)('keeps a key that is set, and fills only the other', () => {
        const env = { MFA_ENCRYPTION_KEY: 'ab'.repeat(32) };
        const file = (0, dev_keys_1.keepDevKeysWithData)(env, dev((0, node_path_1.join)(root, 'partial')));
        strict_1.default.equal(env.MFA_ENCRYPTION_KEY, 'ab'.repeat(32));
        strict_1.default.equal(env.SMS_CODE_SECRET, JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8')).SMS_CODE_SECRET);
    });
    (0, node_test_1.it)('takes an empty variable as unset', () => {
        const env = { SMS_CODE_SECRET: '', MFA_ENCRYPTION_KEY: '' };
        const file = (0, dev_keys_1.keepDevKeysWithData)(env, dev((0, node_path_1.join)(root, 'empty')));
        strict_1.default.deepEqual(JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8')), { SMS_CODE_SECRET: env.SMS_CODE_SECRET, MFA_ENCRYPTION_KEY: env.MFA_ENCRYPTION_KEY });
    });
    (0, node_test_1.it)('stops start-up on a key file it cannot use, and leaves the file as it was', () => {
        for (const [name, text] of [['not-json', '{"SMS_CODE'], ['null', 'null'], ['short', '{"SMS_CODE_SECRET":"x","MFA_ENCRYPTION_KEY":"00"}']]) {
            const dataDir = (0, node_path_1.join)(root, name);
            (0, node_fs_1.mkdirSync)(dataDir);
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dataDir, 'dev-keys.json'), text);
            strict_1.default.throws(() => (0, dev_keys_1.keepDevKeysWithData)({}, dev(dataDir)), (err) => err instanceof mfa_config_1.ConfigError && /dev-keys\.json is/.test(err.message), name);
            strict_1.default.equal((0, node_fs_1.readFileSync)((0, node_path_1.join)(dataDir, 'dev-keys.json'), 'utf8'), text);
        }
    });
    (0, node_test_1.it)('does nothing in production, on a database server, or when both keys are set', () => {
        for (const [env, config] of [
            [{}, { ...dev((0, node_path_1.join)(root, 'prod')), production: true }],
            [{}, { ...dev((0, node_path_1.join)(root, 'server')), databaseUrl: 'postgres://db/mfa' }],
            [{ SMS_CODE_SECRET: 's'.repeat(32), MFA_ENCRYPTION_KEY: 'cd'.repeat(32) }, dev((0, node_path_1.join)(root, 'set'))],
        ]) {
            const copy = { ...env };
            strict_1.default.equal((0, dev_keys_1.keepDevKeysWithData)(copy, config), undefined);
            strict_1.default.deepEqual(copy, env);
            strict_1.default.throws(() => (0, node_fs_1.statSync)((0, node_path_1.join)(config.dataDir, 'dev-keys.json')), /ENOENT/);
        }
    });
});
//# sourceMappingURL=dev-keys.spec.js.map