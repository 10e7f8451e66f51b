"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settingKeys = settingKeys;
exports.int = int;
exports.decimal = decimal;
exports.bool = bool;
exports.oneOf = oneOf;
exports.text = text;
exports.url = url;
exports.countryList = countryList;
exports.trustProxy = trustProxy;
exports.nameList = nameList;
exports.hexKeyList = hexKeyList;
exports.arnList = arnList;
exports.subsetOf = subsetOf;
exports.regexSource = regexSource;
exports.templateMap = templateMap;
exports.testNumberMap = testNumberMap;
exports.isoTime = isoTime;
function settingKeys(settings) {
    return Object.keys(settings);
}
function int(min, max) {
    const check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    return {
        parse: (raw) => (/^-?\d+$/.test(raw.trim()) && check(Number(raw)) ? Number(raw) : undefined),
        check,
        allowed: `an integer from ${min} to ${max}`,
    };
}
function decimal(min, max) {
    const check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
    return {
        parse: (raw) => (/^\d+(\.\d+)?$/.test(raw.trim()) && check(Number(raw)) ? Number(raw) : undefined),
        check,
        allowed: `a number from ${min} to ${max}`,
    };
}
function bool() {
    return {
        parse: (raw) => {
            const v = raw.trim().toLowerCase();
            if (['true', '1', 'yes', 'on'].includes(v))
                return true;
            if (['false', '0', 'no', 'off'].includes(v))
                return false;
            return undefined;
        },
        check: (v) => typeof v === 'boolean',
        allowed: 'true or false',
    };
}
function oneOf(...values) {
    const check = (v) => typeof v === 'string' && values.includes(v);
    return {
        parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined),
        check,
        allowed: `one of ${values.join(', ')}`,
    };
}
function text(pattern, allowed = 'a non-empty string') {
    const check = (v) => typeof v === 'string' && v.length > 0 && (!pattern || pattern.test(v));
    return { parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined), check, allowed };
}
function url(protocols) {
    const check = (v) => {
        if (typeof v !== 'string')
            return false;
        try {
            return protocols.includes(new URL(v).protocol.replace(':', ''));
        }
        catch {
            return false;
        }
    };
    return {
        parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined),
        check,
        allowed: `a URL (${protocols.join(', ')})`,
    };
}
const COUNTRY = /^[A-Z]{2}$/;
function countryList() {
    const rule = listOf(COUNTRY, 'a comma-separated list of ISO 3166-1 alpha-2 country codes');
    return { ...rule, parse: (raw) => rule.parse(raw.toUpperCase()) };
}
function trustProxy() {
    const named = /^(loopback|linklocal|uniquelocal)$/;
    const address = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;
    const check = (v) => v === false ||
        (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10) ||
        (typeof v === 'string' && v.split(',').every((p) => named.test(p.trim()) || address.test(p.trim())));
    return {
        parse: (raw) => {
            const v = raw.trim();
            if (['off', 'false', ''].includes(v))
                return false;
            if (/^\d+$/.test(v))
                return check(Number(v)) ? Number(v) : undefined;
            return check(v) ? v : undefined;
        },
        check,
        allowed: 'off, loopback, a hop count from 0 to 10, or comma-separated IPs/CIDRs (true is refused: it makes X-Forwarded-For spoofable)',
    };
}
function splitList(raw) {
    return raw
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
}
function listOf(item, allowed) {
    const check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && item.test(x));
    return {
        parse: (raw) => {
            const list = splitList(raw);
            return check(list) ? list : undefined;
        },
        check,
        allowed,
    };
}
function nameList() {
    return listOf(/^[a-z][a-z0-9_]*$/, 'a comma-separated list of rule names');
}
function hexKeyList() {
    return listOf(/^[0-9a-fA-F]{64}$/, 'a comma-separated list of 256-bit keys (64 hexadecimal characters each)');
}
function arnList() {
    return listOf(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, 'a comma-separated list of SNS topic ARNs (arn:aws:sns:<region>:<account>:<topic>)');
}
function subsetOf(...values) {
    const check = (v) => Array.isArray(v) && v.length > 0 && new Set(v).size === v.length && v.every((x) => values.includes(x));
    return {
        parse: (raw) => {
            const list = splitList(raw.toLowerCase());
            return check(list) ? list : undefined;
        },
        check,
        allowed: `a comma-separated list of ${values.join(', ')}`,
    };
}
function regexSource() {
    const check = (v) => {
        if (typeof v !== 'string' || !v.startsWith('^') || !v.endsWith('$'))
            return false;
        try {
            new RegExp(v);
            return true;
        }
        catch {
            return false;
        }
    };
    return { parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined), check, allowed: 'a regular expression anchored with ^ and $' };
}
function templateMap() {
    const check = (v) => typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        Object.entries(v).every(([locale, t]) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(locale) &&
            typeof t === 'string' &&
            t.includes('{code}') &&
            t.length <= 480);
    return {
        parse: (raw) => {
            try {
                const parsed = JSON.parse(raw);
                return check(parsed) ? parsed : undefined;
            }
            catch {
                return undefined;
            }
        },
        check,
        allowed: 'a JSON object from locale to a template containing {code} (at most 480 characters)',
    };
}
function testNumberMap() {
    const check = (v) => typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        Object.entries(v).every(([n, c]) => /^\+[1-9]\d{6,14}$/.test(n) && typeof c === 'string' && /^\d{4,10}$/.test(c));
    return {
        parse: (raw) => {
            const pairs = splitList(raw).map((p) => p.split(':').map((x) => x.trim()));
            if (pairs.some((p) => p.length !== 2))
                return undefined;
            const map = Object.fromEntries(pairs);
            return check(map) ? map : undefined;
        },
        check,
        allowed: 'a comma-separated list of +E164:code pairs (e.g. +14155550100:123456)',
    };
}
function isoTime() {
    const check = (v) => typeof v === 'string' &&
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
        !Number.isNaN(Date.parse(v));
    return {
        parse: (raw) => (check(raw.trim()) ? raw.trim() : undefined),
        check,
        allowed: 'an ISO 8601 time with a zone (2027-01-31T00:00:00Z)',
    };
}
//# sourceMappingURL=env-rules.js.map