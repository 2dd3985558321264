// Where a webhook may be sent (SSRF): https only, to a public address. The API sits inside the
// organisation's network, so an endpoint on a private, loopback or link-local address would let a
// partner key make the API call internal services. The check runs twice: on the URL when it is
// registered (so the partner hears at once), and on the addresses the name resolves to at every
// delivery, with the connection made to the address that was checked (no DNS rebinding between
// check and connect). Loopback, also over http, only with LIANJIAN_WEBHOOKS_ALLOW_LOOPBACK=1
// (tests and development).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(net, bits, 'ipv6');

function isLoopback(address: string): boolean {
  const v4 = unmapped(address);
  return v4 !== null ? v4.startsWith('127.') : address === '::1';
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), or the address itself if IPv4. */
function unmapped(address: string): string | null {
  if (isIP(address) === 4) return address;
  const m = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1]!;
  // The URL parser writes ::ffff:10.0.0.1 as ::ffff:a00:1.
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Why an address may not be a webhook's target, or null when it may. */
export function addressRefusal(address: string, allowLoopback: boolean): string | null {
  if (allowLoopback && isLoopback(address)) return null;
  const v4 = unmapped(address);
  const family = v4 !== null ? 'ipv4' : 'ipv6';
  if (blocked.check(v4 ?? address, family)) return `${address} is a private, loopback or reserved address`;
  return null;
}

export interface UrlRefusal {
  en: string;
  zh: string;
}

/** Checks a URL's form and, when its host is an address, the address. Returns the normalised URL. */
export function checkWebhookUrl(raw: string, allowLoopback: boolean): { url: string } | { refused: UrlRefusal } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { refused: { en: 'is not a URL: give the full address, e.g. https://partner.example.com/hooks/lianjian.', zh: '不是有效的网址：请填写完整地址，例如 https://partner.example.com/hooks/lianjian。' } };
  }
  if (raw.length > 2000) return { refused: { en: 'is longer than 2000 characters.', zh: '超过 2000 个字符。' } };
  if (u.username || u.password) return { refused: { en: 'must not carry a user name or password: the signature authenticates each delivery.', zh: '不得包含用户名或密码：每次推送由签名认证。' } };
  if (u.hash) return { refused: { en: 'must not have a #fragment.', zh: '不得包含 # 片段。' } };
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const loopbackName = host === 'localhost' || host.endsWith('.localhost');
  const loopback = loopbackName || (isIP(host) !== 0 && isLoopback(host));
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback && allowLoopback)) {
    return { refused: { en: 'must use https.', zh: '必须使用 https。' } };
  }
  if (loopbackName && !allowLoopback) return { refused: { en: `points at this server's own machine (${host}): give a public address.`, zh: `指向本服务器自身（${host}）：请填写公网地址。` } };
  if (isIP(host) !== 0) {
    const why = addressRefusal(host, allowLoopback);
    if (why) return { refused: { en: `points at ${why}: webhooks go only to public addresses.`, zh: `指向内网、回环或保留地址（${host}）：推送只发往公网地址。` } };
  }
  return { url: u.toString() };
}

/**
 * A `lookup` for http(s).request that resolves the host and refuses a private address, so the
 * socket connects only to an address that passed the check.
 */
export function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { ...(options as object), all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      for (const a of list) {
        const why = addressRefusal(a.address, allowLoopback);
        if (why) {
          const e = new Error(`refused to connect to ${hostname}: ${why}`) as NodeJS.ErrnoException;
          e.code = 'EWEBHOOKBLOCKED';
          return callback(e, '', 0);
        }
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
