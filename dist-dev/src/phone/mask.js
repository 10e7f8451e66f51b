"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.splitE164 = splitE164;
exports.maskPhone = maskPhone;
exports.maskSplit = maskSplit;
const min_1 = require("libphonenumber-js/min");
const BULLETS = '••• •••';
function splitE164(e164) {
    try {
        const parsed = (0, min_1.parsePhoneNumberWithError)(e164);
        return { callingCode: parsed.countryCallingCode, nationalNumber: parsed.nationalNumber };
    }
    catch {
        const digits = e164.replace(/\D/g, '');
        return { callingCode: digits.slice(0, 1), nationalNumber: digits.slice(1) };
    }
}
function maskPhone(e164) {
    return maskSplit(splitE164(e164));
}
function maskSplit({ callingCode, nationalNumber }) {
    const keep = nationalNumber.length >= 8 ? 4 : nationalNumber.length >= 6 ? 3 : 2;
    return `+${callingCode} ${BULLETS} ${nationalNumber.slice(-keep)}`;
}
//# sourceMappingURL=mask.js.map