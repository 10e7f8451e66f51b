"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const main = (0, node_path_1.join)(__dirname, '..', 'src', 'main.js');
function start(env) {
    return (0, node_child_process_1.spawnSync)(process.execPath, [main], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });
}
(0, node_test_1.describe)('start-up configuration', () => {
    (0, node_test_1.it)('stops with a message naming each bad variable and what it allows', () => {
        const run = start({ SMS_CODE_LENGTH: '12', SMS_FRAUD_MODE: 'off' });
        strict_1.default.equal(run.status, 1);
        strict_1.default.match(run.stderr, /SMS_CODE_LENGTH must be an integer from 4 to 10/);
        strict_1.default.match(run.stderr, /SMS_FRAUD_MODE must be one of block, monitor/);
    });
    (0, node_test_1.it)('refuses production without its secrets or with the mock provider', () => {
        const run = start({ NODE_ENV: 'production', MOCK_SMS_ENABLED: 'true' });
        strict_1.default.equal(run.status, 1);
        strict_1.default.match(run.stderr, /MOCK_SMS_ENABLED must be false when NODE_ENV=production/);
        strict_1.default.match(run.stderr, /SMS_CODE_SECRET must be set when NODE_ENV=production/);
    });
});
//# sourceMappingURL=startup.e2e-spec.js.map