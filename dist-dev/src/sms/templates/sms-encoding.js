"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.smsSize = smsSize;
const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM7_BASIC);
const EXTENDED = new Set(GSM7_EXTENDED);
function smsSize(text) {
    let septets = 0;
    for (const ch of text) {
        if (BASIC.has(ch))
            septets += 1;
        else if (EXTENDED.has(ch))
            septets += 2;
        else {
            const units = text.length;
            return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
        }
    }
    return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}
//# sourceMappingURL=sms-encoding.js.map