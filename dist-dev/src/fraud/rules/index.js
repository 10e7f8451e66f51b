"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FRAUD_RULES = void 0;
const digit_pattern_rule_1 = require("./digit-pattern.rule");
const distinct_numbers_rule_1 = require("./distinct-numbers.rule");
const low_conversion_rule_1 = require("./low-conversion.rule");
const test_range_rule_1 = require("./test-range.rule");
const velocity_rule_1 = require("./velocity.rule");
exports.FRAUD_RULES = [
    test_range_rule_1.testRangeRule,
    digit_pattern_rule_1.digitPatternRule,
    distinct_numbers_rule_1.numbersPerUserRule,
    distinct_numbers_rule_1.numbersPerIpRule,
    velocity_rule_1.prefixVelocityRule,
    velocity_rule_1.countryVelocityRule,
    low_conversion_rule_1.lowConversionRule,
];
//# sourceMappingURL=index.js.map