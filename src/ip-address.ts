// IP address maths shared by every product that shows IPs: how ipMgmt keys an address
// or range, and how a product's view of an IP maps onto that key.

/**
 * Normalises an address for ipMgmt: a single address loses its prefix (`/32`, `/128`);
 * an IPv6 range keeps it in ipMgmt's path form (`2001:db8::_64`).
 */
export function ipKey(address: string): string {
  const [ip = '', prefix] = address.toLowerCase().split(/[/_]/);
  if (prefix === undefined) return ip;
  const full = ip.includes(':') ? '128' : '32';
  return prefix === full ? ip : `${ip}_${prefix}`;
}

/** The address part of an IP string (no prefix). */
export const bareIp = (address: string) => address.toLowerCase().split(/[/_]/)[0]!;

/** The ipMgmt key of an ipMgmt record: its address, plus its range's prefix when it is a range. */
export function mgmtKey(ip: { ip: string; prefixLength?: number | null }): string {
  return ip.prefixLength == null ? ipKey(ip.ip) : ipKey(`${bareIp(ip.ip)}/${ip.prefixLength}`);
}

/**
 * The ipMgmt key of an IP as a product shows it (`/servers/{id}/ips`). There the prefix is
 * the subnet's, not the IP's: an IPv4 address is one address (`192.0.2.10/26` → `192.0.2.10`),
 * while an IPv6 entry is the range assigned to the equipment (`2001:db8:1::7/64` →
 * `2001:db8:1::_64`), which is how ipMgmt keys it.
 */
export function viewKey(address: string): string {
  const [ip = '', prefix] = address.toLowerCase().split(/[/_]/);
  if (!ip.includes(':') || prefix === undefined) return ip;
  return ipKey(`${ipv6Network(ip, Number(prefix))}/${prefix}`);
}

/** The network address of an IPv6 address under a prefix, in RFC 5952 form. */
export function ipv6Network(address: string, prefix: number): string {
  const [head = '', tail] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  let value = groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
  const hostBits = BigInt(128 - Math.min(128, Math.max(0, prefix)));
  value = (value >> hostBits) << hostBits;
  const words = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // Compress the longest run (two or more) of zero groups into `::`.
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
