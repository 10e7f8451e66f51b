"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.countryVelocityRule = exports.prefixVelocityRule = void 0;
exports.conversionPercent = conversionPercent;
const fraud_rule_1 = require("../fraud-rule");
function conversionPercent(r, config) {
    return r.settled >= config.fraudConversionMinSends ? (r.verified / r.settled) * 100 : undefined;
}
function burst(name, r, config) {
    const recent = r.recentRequesters + 1;
    const perWindow = r.baselineRequesters / fraud_rule_1.BASELINE_WINDOWS;
    if (recent < config.fraudVelocityMinSends || recent < config.fraudVelocityFactor * Math.max(1, perWindow))
        return undefined;
    const conversion = conversionPercent(r, config);
    if (conversion !== undefined && conversion >= config.fraudMinConversionPercent)
        return undefined;
    const converts = conversion === undefined ? 'conversion not yet known' : `${conversion.toFixed(1)}% of its codes used`;
    return {
        rule: name,
        detail: `${recent} requesters in 10 min against a baseline of ${perWindow.toFixed(1)} per 10 min; ${converts}`,
        coldStart: r.baselineSends < config.fraudWarmupSends || conversion === undefined,
    };
}
exports.prefixVelocityRule = {
    name: 'prefix_velocity',
    usesStatistics: true,
    scope: 'region',
    evaluate(ctx, config) {
        return ctx.stats && burst(this.name, ctx.stats.prefix, config);
    },
};
exports.countryVelocityRule = {
    name: 'country_velocity',
    usesStatistics: true,
    scope: 'region',
    evaluate(ctx, config) {
        return ctx.stats && burst(this.name, ctx.stats.country, config);
    },
};
//# sourceMappingURL=velocity.rule.js.map