"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertCountryAllowed = assertCountryAllowed;
const mfa_error_1 = require("../common/mfa-error");
function assertCountryAllowed(country, rules) {
    if (rules.action === 'block')
        throw new mfa_error_1.MfaError('COUNTRY_NOT_ALLOWED');
    if (rules.allowListActive && rules.action !== 'allow')
        throw new mfa_error_1.MfaError('COUNTRY_NOT_ALLOWED');
    if (!country && rules.allowListActive)
        throw new mfa_error_1.MfaError('COUNTRY_NOT_ALLOWED');
}
//# sourceMappingURL=country-policy.js.map