"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const client_ip_1 = require("./client-ip");
(0, node_test_1.describe)('client address keys', () => {
    (0, node_test_1.it)('keep IPv4 as is, also IPv4-mapped IPv6', () => {
        strict_1.default.equal((0, client_ip_1.clientKey)('203.0.113.9', 64), '203.0.113.9');
        strict_1.default.equal((0, client_ip_1.clientKey)('::ffff:203.0.113.9', 64), '203.0.113.9');
        strict_1.default.equal((0, client_ip_1.clientKey)('::FFFF:198.51.100.1', 64), '198.51.100.1');
    });
    (0, node_test_1.it)('key IPv6 on its /64: six addresses of one network are one client', () => {
        const keys = [1, 2, 3, 4, 5, 6].map((i) => (0, client_ip_1.clientKey)(`2001:db8:abcd:12::${i}`, 64));
        strict_1.default.deepEqual(new Set(keys), new Set(['2001:db8:abcd:12::/64']));
        strict_1.default.equal((0, client_ip_1.clientKey)('2001:0db8:abcd:0012:ffff:1:2:3', 64), '2001:db8:abcd:12::/64');
        strict_1.default.notEqual((0, client_ip_1.clientKey)('2001:db8:abcd:13::1', 64), (0, client_ip_1.clientKey)('2001:db8:abcd:12::1', 64));
    });
    (0, node_test_1.it)('honour other prefixes, zone ids and embedded IPv4 tails', () => {
        strict_1.default.equal((0, client_ip_1.clientKey)('2001:db8:abcd:12::1', 48), '2001:db8:abcd::/48');
        strict_1.default.equal((0, client_ip_1.clientKey)('2001:db8:abcd:12::1', 56), '2001:db8:abcd::/56');
        strict_1.default.equal((0, client_ip_1.clientKey)('2001:db8:abcd:12ff::1', 56), '2001:db8:abcd:1200::/56');
        strict_1.default.equal((0, client_ip_1.clientKey)('2001:db8::1', 128), '2001:db8::1/128');
        strict_1.default.equal((0, client_ip_1.clientKey)('fe80::1%eth0', 64), 'fe80::/64');
        strict_1.default.equal((0, client_ip_1.clientKey)('64:ff9b::192.0.2.33', 128), '64:ff9b::c000:221/128');
        strict_1.default.equal((0, client_ip_1.clientKey)('::1', 64), '::/64');
    });
    (0, node_test_1.it)('give nothing for no address or garbage', () => {
        strict_1.default.equal((0, client_ip_1.clientKey)(undefined, 64), undefined);
        strict_1.default.equal((0, client_ip_1.clientKey)('', 64), undefined);
        strict_1.default.equal((0, client_ip_1.clientKey)('not-an-ip', 64), undefined);
    });
});
//# sourceMappingURL=client-ip.spec.js.map