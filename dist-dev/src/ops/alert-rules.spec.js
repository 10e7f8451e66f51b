"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const mfa_config_1 = require("../config/mfa-config");
const alert_rules_1 = require("./alert-rules");
const config = (0, mfa_config_1.loadMfaConfig)({});
const quiet = { attempts: [], openCircuits: [], rateLimited: 0, fraudTriggers: 0, deliveryP95: [], spend: [], stuckSends: 0 };
const firing = (s) => (0, alert_rules_1.evaluateAlerts)({ ...quiet, ...s }, config)
    .filter((c) => c.firing)
    .map((c) => c.key);
(0, node_test_1.describe)('alert rules', () => {
    (0, node_test_1.it)('fire on a provider failure rate at the threshold, once enough attempts were made', () => {
        strict_1.default.deepEqual(firing({ attempts: [{ provider: 'TWILIO', total: 10, failed: 2 }] }), ['provider_failure_rate:TWILIO']);
        strict_1.default.deepEqual(firing({ attempts: [{ provider: 'TWILIO', total: 10, failed: 1 }] }), []);
        strict_1.default.deepEqual(firing({ attempts: [{ provider: 'TWILIO', total: 9, failed: 9 }] }), []);
    });
    (0, node_test_1.it)('fire on an open circuit, and report a closed one as not firing (so an episode can resolve)', () => {
        strict_1.default.deepEqual(firing({ openCircuits: ['AWS_SNS'] }), ['provider_circuit_open:AWS_SNS']);
        const closed = (0, alert_rules_1.evaluateAlerts)({ ...quiet, attempts: [{ provider: 'AWS_SNS', total: 1, failed: 0 }] }, config);
        strict_1.default.equal(closed.find((c) => c.key === 'provider_circuit_open:AWS_SNS')?.firing, false);
    });
    (0, node_test_1.it)('fire on surges of refusals and fraud triggers, and on slow delivery', () => {
        strict_1.default.deepEqual(firing({ rateLimited: 199, fraudTriggers: 19 }), []);
        strict_1.default.deepEqual(firing({ rateLimited: 200, fraudTriggers: 20 }).sort(), ['fraud_surge', 'rate_limit_surge']);
        strict_1.default.deepEqual(firing({ deliveryP95: [{ provider: 'TWILIO', seconds: 60 }] }), ['slow_delivery:TWILIO']);
        strict_1.default.deepEqual(firing({ deliveryP95: [{ provider: 'TWILIO', seconds: 59.9 }] }), []);
    });
    (0, node_test_1.it)('fire on send attempts left without an outcome', () => {
        strict_1.default.deepEqual(firing({ stuckSends: 1 }), ['stuck_sends']);
    });
    (0, node_test_1.it)('fire when a day spends 80 % of a spend cap, per scope', () => {
        const spend = (spentUsd, scope = '*') => [{ scope, spentUsd, capUsd: 50 }];
        strict_1.default.deepEqual(firing({ spend: spend(39.99) }), []);
        strict_1.default.deepEqual(firing({ spend: spend(40) }), ['spend_cap:*']);
        strict_1.default.deepEqual(firing({ spend: [...spend(10), ...spend(45, 'UZ')] }), ['spend_cap:UZ']);
    });
});
//# sourceMappingURL=alert-rules.spec.js.map