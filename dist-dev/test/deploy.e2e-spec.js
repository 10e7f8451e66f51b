"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const mfa_metrics_1 = require("../src/metrics/mfa-metrics");
const root = (0, node_path_1.join)(__dirname, '..', '..');
(0, node_test_1.describe)('deployment files', () => {
    (0, node_test_1.it)('alert rules use only metrics the module exports, and cover every built-in alert', async () => {
        const rules = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'deploy', 'prometheus', 'alerts.yml'), 'utf8');
        const metrics = new mfa_metrics_1.MfaMetrics();
        const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
        metrics.onModuleDestroy();
        const used = new Set([...rules.matchAll(/\b(sms_[a-z_]+?)(?:_bucket)?\b/g)].map((m) => m[1]));
        strict_1.default.ok(used.size >= 5);
        for (const name of used)
            strict_1.default.ok(exported.has(name), `${name} is not a metric of the module`);
        for (const alert of ['FailureRate', 'CircuitOpen', 'RateLimitSurge', 'FraudTriggerSurge', 'DeliverySlow']) {
            strict_1.default.match(rules, new RegExp(`alert: Sms\\w*${alert}`));
        }
    });
    (0, node_test_1.it)('compose runs postgres, redis, the app with production secrets required, and an optional prometheus', () => {
        const compose = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'docker-compose.yml'), 'utf8');
        for (const service of ['postgres:', 'redis:', 'app:', 'prometheus:'])
            strict_1.default.ok(compose.includes(`\n  ${service}`), service);
        for (const secret of ['SMS_CODE_SECRET', 'MFA_ENCRYPTION_KEY', 'AUTH_JWT_SECRET']) {
            strict_1.default.match(compose, new RegExp(`${secret}: \\$\\{${secret}:\\?`));
        }
        strict_1.default.match(compose, /NODE_ENV: production/);
        strict_1.default.match(compose, /MOCK_SMS_ENABLED: "false"/);
        strict_1.default.match(compose, /PUBLIC_BASE_URL: \$\{PUBLIC_BASE_URL:-\}/, 'no default public URL: a wrong one would refuse every webhook');
        strict_1.default.match(compose, /OPS_PORT: 9464/);
        strict_1.default.match((0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'deploy', 'prometheus', 'prometheus.yml'), 'utf8'), /app:9464/);
    });
});
//# sourceMappingURL=deploy.e2e-spec.js.map