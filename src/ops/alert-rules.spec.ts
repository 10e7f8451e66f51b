import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMfaConfig } from '../sms-mfa.settings';
import { AlertSignals, evaluateAlerts } from './alert-rules';

const config = loadMfaConfig({});
const quiet: AlertSignals = { attempts: [], openCircuits: [], rateLimited: 0, fraudTriggers: 0, deliveryP95: [], spend: [], stuckSends: 0 };
const firing = (s: Partial<AlertSignals>) =>
  evaluateAlerts({ ...quiet, ...s }, config)
    .filter((c) => c.firing)
    .map((c) => c.key);

describe('alert rules', () => {
  it('fire on a provider failure rate at the threshold, once enough attempts were made', () => {
    assert.deepEqual(firing({ attempts: [{ provider: 'TWILIO', total: 10, failed: 2 }] }), ['provider_failure_rate:TWILIO']);
    assert.deepEqual(firing({ attempts: [{ provider: 'TWILIO', total: 10, failed: 1 }] }), []);
    assert.deepEqual(firing({ attempts: [{ provider: 'TWILIO', total: 9, failed: 9 }] }), []);
  });

  it('fire on an open circuit, and report a closed one as not firing (so an episode can resolve)', () => {
    assert.deepEqual(firing({ openCircuits: ['AWS_SNS'] }), ['provider_circuit_open:AWS_SNS']);
    const closed = evaluateAlerts({ ...quiet, attempts: [{ provider: 'AWS_SNS', total: 1, failed: 0 }] }, config);
    assert.equal(closed.find((c) => c.key === 'provider_circuit_open:AWS_SNS')?.firing, false);
  });

  it('fire on surges of refusals and fraud triggers, and on slow delivery', () => {
    assert.deepEqual(firing({ rateLimited: 199, fraudTriggers: 19 }), []);
    assert.deepEqual(firing({ rateLimited: 200, fraudTriggers: 20 }).sort(), ['fraud_surge', 'rate_limit_surge']);
    assert.deepEqual(firing({ deliveryP95: [{ provider: 'TWILIO', seconds: 60 }] }), ['slow_delivery:TWILIO']);
    assert.deepEqual(firing({ deliveryP95: [{ provider: 'TWILIO', seconds: 59.9 }] }), []);
  });

  it('fire on send attempts left without an outcome', () => {
    assert.deepEqual(firing({ stuckSends: 1 }), ['stuck_sends']);
  });

  it('fire when a day spends 80 % of a spend cap, per scope', () => {
    const spend = (spentUsd: number, scope = '*') => [{ scope, spentUsd, capUsd: 50 }];
    assert.deepEqual(firing({ spend: spend(39.99) }), []);
    assert.deepEqual(firing({ spend: spend(40) }), ['spend_cap:*']);
    assert.deepEqual(firing({ spend: [...spend(10), ...spend(45, 'UZ')] }), ['spend_cap:UZ']);
  });
});
