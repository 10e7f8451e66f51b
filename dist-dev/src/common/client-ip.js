"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.clientKey = clientKey;
const node_net_1 = require("node:net");
function clientKey(ip, v6Prefix) {
    if (!ip)
        return undefined;
    const mapped = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
    if (mapped && (0, node_net_1.isIPv4)(mapped[1]))
        return mapped[1];
    if ((0, node_net_1.isIPv4)(ip))
        return ip;
    const bare = ip.replace(/%.*$/, '');
    if (!(0, node_net_1.isIPv6)(bare))
        return undefined;
    const groups = expandIPv6(bare);
    let bits = v6Prefix;
    const masked = groups.map((g) => {
        const keep = Math.max(0, Math.min(16, bits));
        bits -= 16;
        return keep === 0 ? 0 : g & (0xffff << (16 - keep)) & 0xffff;
    });
    return `${compressIPv6(masked)}/${v6Prefix}`;
}
function expandIPv6(ip) {
    let text = ip.toLowerCase();
    const v4 = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
    if (v4) {
        const [a, b, c, d] = v4[1].split('.').map(Number);
        text = text.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    }
    const [head, tail] = text.split('::');
    const left = head ? head.split(':') : [];
    const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
    return [...left, ...zeros, ...right].map((g) => parseInt(g, 16));
}
function compressIPv6(groups) {
    let best = { at: -1, len: 0 };
    for (let i = 0; i < 8;) {
        if (groups[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === 0)
            j++;
        if (j - i > best.len && j - i >= 2)
            best = { at: i, len: j - i };
        i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (best.at < 0)
        return hex.join(':');
    return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}
//# sourceMappingURL=client-ip.js.map