"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const mfa_error_1 = require("../common/mfa-error");
const mask_1 = require("./mask");
const google_libphonenumber_1 = require("google-libphonenumber");
const phone_number_1 = require("./phone-number");
function refusal(input) {
    try {
        (0, phone_number_1.parseMobilePhone)(input);
        return undefined;
    }
    catch (err) {
        strict_1.default.ok(err instanceof mfa_error_1.MfaError);
        return err.code;
    }
}
(0, node_test_1.describe)('parseMobilePhone', () => {
    (0, node_test_1.it)('normalises international input with separators to E.164', () => {
        strict_1.default.equal((0, phone_number_1.parseMobilePhone)('+1 (415) 555-2671').e164, '+14155552671');
        strict_1.default.equal((0, phone_number_1.parseMobilePhone)('+33 6 12 34 56 78').e164, '+33612345678');
        strict_1.default.equal((0, phone_number_1.parseMobilePhone)('+33 6 12 34 56 78').country, 'FR');
    });
    (0, node_test_1.it)('refuses anything that is not an international, valid, SMS-capable number', () => {
        for (const input of ['4155552671', '+1-800-FLOWERS', '+14155552671 ext 2', '+999123', '', 42, null, '+4930123456']) {
            strict_1.default.equal(refusal(input), 'INVALID_PHONE', String(input));
        }
    });
});
const REGIONS = ['US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'SE', 'UA', 'RU', 'TR', 'SY', 'IQ', 'IR', 'AF', 'PK', 'SO', 'ET', 'ER', 'SD', 'SS', 'KE', 'UG', 'CD', 'NG', 'LB', 'JO', 'YE', 'VE', 'CO', 'MX', 'BR', 'IN', 'BD', 'MM', 'AU'];
const EXPECTED = [
    ['MOBILE', 'ok'],
    ['FIXED_LINE_OR_MOBILE', 'ok'],
    ['PREMIUM_RATE', 'SUSPICIOUS_NUMBER'],
    ['SHARED_COST', 'SUSPICIOUS_NUMBER'],
    ['UAN', 'SUSPICIOUS_NUMBER'],
    ['PERSONAL_NUMBER', 'SUSPICIOUS_NUMBER'],
    ['TOLL_FREE', 'INVALID_PHONE'],
    ['VOIP', 'INVALID_PHONE'],
    ['PAGER', 'INVALID_PHONE'],
    ['VOICEMAIL', 'INVALID_PHONE'],
    ['FIXED_LINE', 'INVALID_PHONE'],
];
(0, node_test_1.describe)('line types over libphonenumber example numbers', () => {
    const util = google_libphonenumber_1.PhoneNumberUtil.getInstance();
    let checked = 0;
    for (const region of REGIONS) {
        for (const [type, expected] of EXPECTED) {
            const example = util.getExampleNumberForType(region, google_libphonenumber_1.PhoneNumberType[type]);
            if (!example || util.getNumberType(example) !== google_libphonenumber_1.PhoneNumberType[type])
                continue;
            const e164 = util.format(example, google_libphonenumber_1.PhoneNumberFormat.E164);
            (0, node_test_1.it)(`${region} ${type} ${expected === 'ok' ? 'is accepted' : `→ ${expected}`}`, () => {
                strict_1.default.equal(refusal(e164) ?? 'ok', expected);
                if (expected === 'ok') {
                    strict_1.default.equal((0, phone_number_1.parseMobilePhone)(e164).e164, e164);
                    strict_1.default.equal((0, phone_number_1.parseMobilePhone)(e164).country, region);
                }
                checked++;
            });
        }
    }
    (0, node_test_1.it)('covers many regions and every type', () => {
        strict_1.default.ok(checked > 100, `checked ${checked}`);
    });
});
(0, node_test_1.describe)('numberPrefix', () => {
    (0, node_test_1.it)('is the calling code and four leading national digits', () => {
        strict_1.default.equal((0, phone_number_1.numberPrefix)((0, phone_number_1.parseMobilePhone)('+252 61 234 5678')), '+2526123');
        strict_1.default.equal((0, phone_number_1.numberPrefix)((0, phone_number_1.parseMobilePhone)('+1 415 201 7001')), '+14152');
    });
});
(0, node_test_1.describe)('maskPhone', () => {
    (0, node_test_1.it)('keeps the calling code and the last digits only', () => {
        strict_1.default.equal((0, mask_1.maskPhone)('+14155557890'), '+1 ••• ••• 7890');
        strict_1.default.equal((0, mask_1.maskPhone)('+33612345678'), '+33 ••• ••• 5678');
        strict_1.default.equal((0, mask_1.maskPhone)('+2527123456'), '+252 ••• ••• 456');
    });
    (0, node_test_1.it)('keeps fewer digits of short national numbers', () => {
        strict_1.default.equal((0, mask_1.maskPhone)('+2901234'), '+290 ••• ••• 34');
    });
});
(0, node_test_1.describe)('parsePhoneFor: fixed lines by voice, in opted-in countries only', () => {
    const util = google_libphonenumber_1.PhoneNumberUtil.getInstance();
    const example = (region, type) => util.format(util.getExampleNumberForType(region, google_libphonenumber_1.PhoneNumberType[type]), google_libphonenumber_1.PhoneNumberFormat.E164);
    const code = (f) => {
        try {
            f();
            return 'ok';
        }
        catch (err) {
            return err.code;
        }
    };
    (0, node_test_1.it)('a French fixed line: voice with FR opted in; INVALID_PHONE by SMS, WhatsApp, or without the opt-in', () => {
        const landline = example('FR', 'FIXED_LINE');
        strict_1.default.equal((0, phone_number_1.parsePhoneFor)(landline, 'voice', ['FR']).type, 'FIXED_LINE');
        strict_1.default.equal(code(() => (0, phone_number_1.parsePhoneFor)(landline, 'voice', ['DE'])), 'INVALID_PHONE');
        strict_1.default.equal(code(() => (0, phone_number_1.parsePhoneFor)(landline, 'voice')), 'INVALID_PHONE');
        strict_1.default.equal(code(() => (0, phone_number_1.parsePhoneFor)(landline, 'sms', ['FR'])), 'INVALID_PHONE');
        strict_1.default.equal(code(() => (0, phone_number_1.parsePhoneFor)(landline, 'whatsapp', ['FR'])), 'INVALID_PHONE');
    });
    (0, node_test_1.it)('premium-rate and shared-cost numbers are refused on every channel, opted in or not', () => {
        for (const type of ['PREMIUM_RATE', 'SHARED_COST']) {
            for (const channel of ['sms', 'voice', 'whatsapp']) {
                strict_1.default.equal(code(() => (0, phone_number_1.parsePhoneFor)(example('FR', type), channel, ['FR'])), 'SUSPICIOUS_NUMBER', `${type} ${channel}`);
            }
        }
    });
    (0, node_test_1.it)('a mobile is a mobile on every channel', () => {
        const mobile = example('FR', 'MOBILE');
        for (const channel of ['sms', 'voice', 'whatsapp'])
            strict_1.default.equal((0, phone_number_1.parsePhoneFor)(mobile, channel).e164, mobile);
    });
});
//# sourceMappingURL=phone-number.spec.js.map