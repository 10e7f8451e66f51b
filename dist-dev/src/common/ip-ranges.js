"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.coversPublicAddresses = coversPublicAddresses;
exports.isLoopbackHost = isLoopbackHost;
const ipaddr_js_1 = __importDefault(require("ipaddr.js"));
const NON_PUBLIC = [
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '100.64.0.0/10',
    '127.0.0.0/8',
    '169.254.0.0/16',
    'fc00::/7',
    'fe80::/10',
    '::1/128',
].map((cidr) => ipaddr_js_1.default.parseCIDR(cidr));
function parseRange(entry) {
    try {
        const [address, bits] = entry.includes('/') ? ipaddr_js_1.default.parseCIDR(entry) : [ipaddr_js_1.default.parse(entry), -1];
        const prefix = bits < 0 ? (address.kind() === 'ipv4' ? 32 : 128) : bits;
        if (address.kind() === 'ipv6' && address.isIPv4MappedAddress()) {
            return prefix >= 96 ? [address.toIPv4Address(), prefix - 96] : [address, prefix];
        }
        return [address, prefix];
    }
    catch {
        return undefined;
    }
}
function coversPublicAddresses(entry) {
    const range = parseRange(entry.trim());
    if (!range)
        return true;
    const [address, prefix] = range;
    return !NON_PUBLIC.some(([block, bits]) => block.kind() === address.kind() && prefix >= bits && address.match(block, bits));
}
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if (!ipaddr_js_1.default.isValid(host))
        return false;
    return ['loopback', 'unspecified'].includes(ipaddr_js_1.default.process(host).range());
}
//# sourceMappingURL=ip-ranges.js.map