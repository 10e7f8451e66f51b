import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Address space no client on the internet can have: private (RFC 1918),
 * shared (RFC 6598, carrier-grade NAT), loopback, link-local, and IPv6
 * unique-local. A proxy in front of the module sits in one of these.
 */
const NON_PUBLIC: [Address, number][] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
].map((cidr) => ipaddr.parseCIDR(cidr));

/** An address or a CIDR as [network, prefix bits]; an IPv4-mapped IPv6 range is read as the IPv4 range it maps. */
function parseRange(entry: string): [Address, number] | undefined {
  try {
    const [address, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), -1];
    const prefix = bits < 0 ? (address.kind() === 'ipv4' ? 32 : 128) : bits;
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
      return prefix >= 96 ? [(address as ipaddr.IPv6).toIPv4Address(), prefix - 96] : [address, prefix];
    }
    return [address, prefix];
  } catch {
    return undefined;
  }
}

/**
 * Whether an address or CIDR (`0.0.0.0/1`, `::ffff:0:0/96`, `203.0.113.7`)
 * holds any public address: true unless the whole range lies inside one
 * non-public block. Anything that does not parse counts as public.
 */
export function coversPublicAddresses(entry: string): boolean {
  const range = parseRange(entry.trim());
  if (!range) return true;
  const [address, prefix] = range;
  return !NON_PUBLIC.some(
    ([block, bits]) => block.kind() === address.kind() && prefix >= bits && address.match(block as never, bits),
  );
}

/** Whether a URL's host is a loopback or unspecified address, however written (`[::ffff:127.0.0.1]`, `0x7f.1`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(host)) return false;
  return ['loopback', 'unspecified'].includes(ipaddr.process(host).range());
}
