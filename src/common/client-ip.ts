import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key under which a client address is limited, ruled on and throttled.
 * IPv4 as is (also when it arrives as an IPv4-mapped IPv6 `::ffff:a.b.c.d`);
 * IPv6 by its network of `v6Prefix` bits (one customer holds at least a /64,
 * so counting each address apart would let one host be a million clients),
 * written `2001:db8:abcd:12::/64`. Anything else (no address) is undefined.
 */
export function clientKey(ip: string | undefined, v6Prefix: number): string | undefined {
  if (!ip) return undefined;
  const mapped = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  const bare = ip.replace(/%.*$/, '');
  if (!isIPv6(bare)) return undefined;
  const groups = expandIPv6(bare);
  let bits = v6Prefix;
  const masked = groups.map((g) => {
    const keep = Math.max(0, Math.min(16, bits));
    bits -= 16;
    return keep === 0 ? 0 : g & (0xffff << (16 - keep)) & 0xffff;
  });
  return `${compressIPv6(masked)}/${v6Prefix}`;
}

/** Eight 16-bit groups, whatever the notation (`::`, an embedded IPv4 tail). */
function expandIPv6(ip: string): number[] {
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

/** RFC 5952 text: the longest run of zero groups (two or more) becomes `::`. */
function compressIPv6(groups: number[]): string {
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}
