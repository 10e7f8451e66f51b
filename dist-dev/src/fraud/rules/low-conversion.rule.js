"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lowConversionRule = void 0;
const velocity_rule_1 = require("./velocity.rule");
exports.lowConversionRule = {
    name: 'low_conversion',
    usesStatistics: true,
    scope: 'region',
    evaluate(ctx, config) {
        const prefix = ctx.stats?.prefix;
        if (!prefix || prefix.settledRequesters < config.fraudMinAccounts)
            return undefined;
        const percent = (0, velocity_rule_1.conversionPercent)(prefix, config);
        return percent !== undefined && percent < config.fraudMinConversionPercent
            ? {
                rule: this.name,
                detail: `${percent.toFixed(1)}% of ${prefix.settled} codes to this range from ${prefix.settledRequesters} requesters were used (min ${config.fraudMinConversionPercent}%)`,
            }
            : undefined;
    },
};
//# sourceMappingURL=low-conversion.rule.js.map