// Where a group robot's webhook may point: a public https address, never this machine, the government's own network
// or a reserved range — else whoever may set a unit's robot could make the server call inside (SSRF). The same
// rule answers when the address is set (its literal host) and when a message is sent (each address the name resolves to).

export const WEBHOOK_REFUSALS = {
  https: '只接受 https:// 开头的公网地址',
  invalid: '不是有效的网址',
  credentials: '地址中不能含用户名或密码',
  local: '不能指向本机（localhost、127.0.0.1、::1）',
  private: '不能指向内网、链路本地、保留或未指定的地址',
  singleLabel: '应为公网域名（如 oapi.dingtalk.com）',
} as const;

/** [first address, prefix length] of the IPv4 ranges no robot lives in (RFC 6890 and friends). */
const IPV4_REFUSED: [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

function ipv4Number(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function ipv4Refusal(n: number): string | null {
  if (n >>> 24 === 127) return WEBHOOK_REFUSALS.local;
  for (const [base, bits] of IPV4_REFUSED) {
    const size = 2 ** (32 - bits);
    const start = ipv4Number(base)!;
    if (n >= start && n < start + size) return WEBHOOK_REFUSALS.private;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail allowed), or null. */
function ipv6Groups(text: string): number[] | null {
  let s = text.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = ipv4Number(v4[1]!);
    if (n === null) return null;
    s = `${s.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

function ipv6Refusal(g: number[]): string | null {
  const [a, b] = [g[0]!, g[1]!];
  const zeroTo = (i: number) => g.slice(0, i).every((x) => x === 0);
  const embeddedV4 = (hi: number, lo: number) => hi * 65536 + lo;
  if (zeroTo(7) && g[7] === 1) return WEBHOOK_REFUSALS.local; // ::1
  if (zeroTo(8)) return WEBHOOK_REFUSALS.private; // ::
  if (zeroTo(5) && g[5] === 0xffff) return ipv4Refusal(embeddedV4(g[6]!, g[7]!)) ?? null; // ::ffff:a.b.c.d
  if (zeroTo(6)) return WEBHOOK_REFUSALS.private; // ::a.b.c.d, deprecated IPv4-compatible
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Refusal(embeddedV4(g[6]!, g[7]!)); // NAT64
  if (a === 0x2002) return ipv4Refusal(embeddedV4(b, g[2]!)); // 6to4
  if ((a & 0xfe00) === 0xfc00) return WEBHOOK_REFUSALS.private; // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80 || (a & 0xffc0) === 0xfec0) return WEBHOOK_REFUSALS.private; // link-local, site-local
  if ((a & 0xff00) === 0xff00) return WEBHOOK_REFUSALS.private; // multicast
  if (a === 0x2001 && b === 0x0db8) return WEBHOOK_REFUSALS.private; // documentation
  if (a === 0x0100 && zeroTo(4)) return WEBHOOK_REFUSALS.private; // discard-only
  return null;
}

/**
 * Why a robot may not be reached at this IP address (as a name resolved to it), or null for a public one.
 * @example addressRefusal('10.1.2.3') // '不能指向内网、链路本地、保留或未指定的地址'
 * @example addressRefusal('::ffff:127.0.0.1') // '不能指向本机（localhost、127.0.0.1、::1）'
 */
export function addressRefusal(ip: string): string | null {
  const v4 = ipv4Number(ip);
  if (v4 !== null) return ipv4Refusal(v4);
  const v6 = ipv6Groups(ip);
  return v6 ? ipv6Refusal(v6) : WEBHOOK_REFUSALS.invalid;
}

/**
 * Why a unit's robot may not be set to this URL, or null: https only (the robot's token rides in the address), no
 * credentials, and a host that is a public domain name or a public literal address — not localhost, a single-label
 * intranet name, or a private, loopback, link-local, reserved or unspecified IPv4/IPv6 address, however written
 * (the URL parser reads 2130706433 and 0x7f.1 as 127.0.0.1). A name that resolves inside is refused when sending.
 * @example webhookUrlRefusal('https://oapi.dingtalk.com/robot/send?access_token=x') // null
 * @example webhookUrlRefusal('https://[::1]/robot') // '不能指向本机（localhost、127.0.0.1、::1）'
 */
export function webhookUrlRefusal(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return WEBHOOK_REFUSALS.invalid;
  }
  if (url.protocol !== 'https:') return WEBHOOK_REFUSALS.https;
  if (url.username || url.password) return WEBHOOK_REFUSALS.credentials;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return addressRefusal(host.slice(1, -1));
  if (ipv4Number(host) !== null) return addressRefusal(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return WEBHOOK_REFUSALS.local;
  if (!host.includes('.') || /\.(local|internal|intranet|lan|home\.arpa|localdomain)$/.test(host)) return WEBHOOK_REFUSALS.singleLabel;
  return null;
}
