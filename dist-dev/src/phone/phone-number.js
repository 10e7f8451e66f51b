"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUMPING_TYPES = exports.SMS_CAPABLE_TYPES = void 0;
exports.parsePhone = parsePhone;
exports.parseMobilePhone = parseMobilePhone;
exports.parsePhoneFor = parsePhoneFor;
exports.storedPhone = storedPhone;
exports.numberPrefix = numberPrefix;
const max_1 = require("libphonenumber-js/max");
const mfa_error_1 = require("../common/mfa-error");
const mask_1 = require("./mask");
exports.SMS_CAPABLE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);
exports.PUMPING_TYPES = new Set([
    'PREMIUM_RATE',
    'SHARED_COST',
    'UAN',
    'PERSONAL_NUMBER',
]);
const INPUT = /^\+[\d\s().-]{4,30}$/;
function parsePhone(input) {
    if (typeof input !== 'string' || !INPUT.test(input.trim())) {
        throw new mfa_error_1.MfaError('INVALID_PHONE', 'The phone number must be in international format: + then country code and number.');
    }
    let parsed;
    try {
        parsed = (0, max_1.parsePhoneNumberWithError)(input.trim(), { extract: false });
    }
    catch {
        throw new mfa_error_1.MfaError('INVALID_PHONE');
    }
    if (!parsed.isValid())
        throw new mfa_error_1.MfaError('INVALID_PHONE');
    return {
        e164: parsed.number,
        country: parsed.country,
        callingCode: parsed.countryCallingCode,
        nationalNumber: parsed.nationalNumber,
        type: parsed.getType(),
    };
}
function parseMobilePhone(input) {
    const phone = parsePhone(input);
    if (phone.type && exports.PUMPING_TYPES.has(phone.type)) {
        throw new mfa_error_1.MfaError('SUSPICIOUS_NUMBER', 'SMS to this kind of number (premium or shared cost) is refused.');
    }
    if (!phone.type || !exports.SMS_CAPABLE_TYPES.has(phone.type)) {
        throw new mfa_error_1.MfaError('INVALID_PHONE', 'The phone number cannot receive SMS: use a mobile number.');
    }
    return phone;
}
function parsePhoneFor(input, channel, fixedLineCountries = []) {
    if (channel === 'voice') {
        const phone = parsePhone(input);
        if (phone.type === 'FIXED_LINE' && phone.country && fixedLineCountries.includes(phone.country))
            return phone;
    }
    return parseMobilePhone(input);
}
function storedPhone(e164, country) {
    return { e164, country, ...(0, mask_1.splitE164)(e164) };
}
function numberPrefix(phone) {
    return `+${phone.callingCode}${phone.nationalNumber.slice(0, 4)}`;
}
//# sourceMappingURL=phone-number.js.map