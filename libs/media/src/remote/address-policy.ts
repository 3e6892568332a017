import ipaddr from 'ipaddr.js';

/**
 * Which network addresses Tiergate may fetch a user-supplied URL from: public unicast only.
 * Loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10,
 * which holds the cloud metadata address), carrier-grade NAT, multicast, reserved, unspecified,
 * and IPv6 forms that embed an IPv4 address (mapped, 6to4, Teredo, NAT64) are all refused.
 */
export class AddressPolicy {
  private readonly allowedHosts: Set<string>;
  private readonly allowedRanges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

  /** `allow`: host names or IPs/CIDRs exempt from the block (for tests and trusted internal sources). */
  constructor(allow: readonly string[] = []) {
    this.allowedHosts = new Set();
    this.allowedRanges = [];
    for (const entry of allow) {
      const value = entry.trim().toLowerCase();
      if (!value) continue;
      if (value.includes('/')) this.allowedRanges.push(ipaddr.parseCIDR(value));
      else if (ipaddr.isValid(value))
        this.allowedRanges.push([normalise(ipaddr.parse(value)), value.includes(':') ? 128 : 32]);
      else this.allowedHosts.add(value);
    }
  }

  isHostAllowListed(hostname: string): boolean {
    return this.allowedHosts.has(hostname.toLowerCase());
  }

  /** True when an address may be connected to. Unparsable text is never allowed. */
  permits(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const ip = normalise(ipaddr.parse(address));
    if (this.allowedRanges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits)))
      return true;
    return ip.range() === 'unicast';
  }
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it carries. */
function normalise(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}
