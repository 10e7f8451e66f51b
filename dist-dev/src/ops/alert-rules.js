"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SPEND_ALERT_PERCENT = void 0;
exports.evaluateAlerts = evaluateAlerts;
exports.SPEND_ALERT_PERCENT = 80;
function evaluateAlerts(s, config) {
    const out = [];
    const window = `${config.alertWindowMinutes} min`;
    for (const a of s.attempts) {
        const rate = a.total ? (a.failed / a.total) * 100 : 0;
        out.push({
            key: `provider_failure_rate:${a.provider}`,
            rule: 'provider_failure_rate',
            labels: { provider: a.provider },
            firing: a.total >= config.alertMinAttempts && rate >= config.alertFailureRatePercent,
            value: Math.round(rate * 10) / 10,
            threshold: config.alertFailureRatePercent,
            summary: `${a.provider}: ${a.failed} of ${a.total} attempts failed in ${window}`,
        });
    }
    for (const provider of new Set([...s.openCircuits, ...s.attempts.map((a) => a.provider)])) {
        const open = s.openCircuits.includes(provider);
        out.push({
            key: `provider_circuit_open:${provider}`,
            rule: 'provider_circuit_open',
            labels: { provider },
            firing: open,
            value: open ? 1 : 0,
            threshold: 1,
            summary: `${provider}: circuit ${open ? 'open, sends skip it' : 'closed'}`,
        });
    }
    out.push({
        key: 'rate_limit_surge',
        rule: 'rate_limit_surge',
        labels: {},
        firing: s.rateLimited >= config.alertRateLimitedPerWindow,
        value: s.rateLimited,
        threshold: config.alertRateLimitedPerWindow,
        summary: `${s.rateLimited} requests refused by limits in ${window}`,
    });
    out.push({
        key: 'fraud_surge',
        rule: 'fraud_surge',
        labels: {},
        firing: s.fraudTriggers >= config.alertFraudTriggersPerWindow,
        value: s.fraudTriggers,
        threshold: config.alertFraudTriggersPerWindow,
        summary: `${s.fraudTriggers} fraud rule triggers in ${window}`,
    });
    for (const d of s.deliveryP95) {
        out.push({
            key: `slow_delivery:${d.provider}`,
            rule: 'slow_delivery',
            labels: { provider: d.provider },
            firing: d.seconds >= config.alertDeliverySeconds,
            value: Math.round(d.seconds * 10) / 10,
            threshold: config.alertDeliverySeconds,
            summary: `${d.provider}: 95% of messages delivered within ${d.seconds.toFixed(1)} s in ${window}`,
        });
    }
    out.push({
        key: 'stuck_sends',
        rule: 'stuck_sends',
        labels: {},
        firing: s.stuckSends > 0,
        value: s.stuckSends,
        threshold: 1,
        summary: `${s.stuckSends} send attempts had no recorded outcome past the provider deadline in ${window}`,
    });
    for (const sp of s.spend) {
        const percent = (sp.spentUsd / sp.capUsd) * 100;
        const what = sp.scope === '*' ? 'all destinations' : sp.scope;
        out.push({
            key: `spend_cap:${sp.scope}`,
            rule: 'spend_cap',
            labels: { scope: sp.scope },
            firing: percent >= exports.SPEND_ALERT_PERCENT,
            value: Math.round(percent * 10) / 10,
            threshold: exports.SPEND_ALERT_PERCENT,
            summary: `${what}: $${sp.spentUsd.toFixed(2)} of the $${sp.capUsd.toFixed(2)} daily cap spent today (UTC)`,
        });
    }
    return out;
}
//# sourceMappingURL=alert-rules.js.map