"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.numbersPerIpRule = exports.numbersPerUserRule = void 0;
exports.numbersPerUserRule = {
    name: 'numbers_per_user',
    usesStatistics: true,
    scope: 'send',
    evaluate(ctx, config) {
        if (!ctx.stats)
            return undefined;
        const numbers = ctx.stats.userOtherNumbers + 1;
        return numbers > config.fraudMaxNumbersPerUser
            ? { rule: this.name, detail: `${numbers} numbers for one user in 24 h (max ${config.fraudMaxNumbersPerUser})` }
            : undefined;
    },
};
exports.numbersPerIpRule = {
    name: 'numbers_per_ip',
    usesStatistics: true,
    scope: 'send',
    evaluate(ctx, config) {
        if (!ctx.stats || !ctx.clientIp)
            return undefined;
        const numbers = ctx.stats.ipOtherNumbers + 1;
        return numbers > config.fraudMaxNumbersPerIp
            ? { rule: this.name, detail: `${numbers} numbers from one IP in 24 h (max ${config.fraudMaxNumbersPerIp})` }
            : undefined;
    },
};
//# sourceMappingURL=distinct-numbers.rule.js.map