import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MfaMetrics } from '../src/metrics/mfa-metrics';

const root = join(__dirname, '..', '..');

describe('deployment files', () => {
  it('alert rules use only metrics the module exports, and cover every built-in alert', async () => {
    const rules = readFileSync(join(root, 'deploy', 'prometheus', 'alerts.yml'), 'utf8');
    const metrics = new MfaMetrics();
    const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
    metrics.onModuleDestroy();
    const used = new Set([...rules.matchAll(/\b(sms_[a-z_]+?)(?:_bucket)?\b/g)].map((m) => m[1]));
    assert.ok(used.size >= 5);
    for (const name of used) assert.ok(exported.has(name), `${name} is not a metric of the module`);
    for (const alert of ['FailureRate', 'CircuitOpen', 'RateLimitSurge', 'FraudTriggerSurge', 'DeliverySlow']) {
      assert.match(rules, new RegExp(`alert: Sms\\w*${alert}`));
    }
  });

  it('compose runs postgres, redis, the app with production secrets required, and an optional prometheus', () => {
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    for (const service of ['postgres:', 'redis:', 'app:', 'prometheus:']) assert.ok(compose.includes(`\n  ${service}`), service);
    for (const secret of ['SMS_CODE_SECRET', 'MFA_ENCRYPTION_KEY', 'AUTH_JWT_SECRET']) {
      assert.match(compose, new RegExp(`${secret}: \\$\\{${secret}:\\?`));
    }
    assert.match(compose, /NODE_ENV: production/);
    assert.match(compose, /MOCK_SMS_ENABLED: "false"/);
    assert.match(compose, /PUBLIC_BASE_URL: \$\{PUBLIC_BASE_URL:-\}/, 'no default public URL: a wrong one would refuse every webhook');
    assert.match(compose, /OPS_PORT: 9464/);
    assert.match(readFileSync(join(root, 'deploy', 'prometheus', 'prometheus.yml'), 'utf8'), /app:9464/);
  });
});
