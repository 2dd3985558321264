// Where a webhook may point (SSRF): https to public addresses; private, loopback, link-local and
// reserved ranges refused, in IPv4, IPv6 and IPv4-mapped form; loopback only when allowed.
import { describe, expect, it } from 'vitest';
import { addressRefusal, checkWebhookUrl } from './url-guard.js';
import { signWebhook, verifyWebhook } from './signature.js';

describe('checkWebhookUrl', () => {
  it('accepts https to a public name or address', () => {
    expect(checkWebhookUrl('https://partner.example.com/hooks?x=1', false)).toEqual({ url: 'https://partner.example.com/hooks?x=1' });
    expect(checkWebhookUrl('https://8.8.8.8/h', false)).toEqual({ url: 'https://8.8.8.8/h' });
  });

  it('refuses plain http, credentials, fragments and what is not a URL', () => {
    for (const u of ['http://partner.example.com/h', 'https://a:b@partner.example.com/h', 'https://partner.example.com/h#x', 'partner.example.com', 'ftp://partner.example.com/']) {
      expect('refused' in checkWebhookUrl(u, false), u).toBe(true);
    }
  });

  it('refuses private, loopback, link-local and reserved addresses, however written', () => {
    for (const u of ['https://127.0.0.1/', 'https://localhost/', 'https://10.0.0.1/', 'https://172.16.5.4/', 'https://192.168.1.1/', 'https://169.254.169.254/', 'https://100.64.0.1/', 'https://0.0.0.0/', 'https://[::1]/', 'https://[fe80::1]/', 'https://[fd12::1]/', 'https://[::ffff:127.0.0.1]/', 'https://[::ffff:a00:1]/', 'https://2130706433/', 'https://0x7f.1/']) {
      expect('refused' in checkWebhookUrl(u, false), u).toBe(true);
    }
  });

  it('allows loopback, also over http, only when told to', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/h', true)).toEqual({ url: 'http://127.0.0.1:8080/h' });
    expect('refused' in checkWebhookUrl('http://127.0.0.1:8080/h', false)).toBe(true);
    expect('refused' in checkWebhookUrl('http://10.0.0.1/h', true)).toBe(true);
    expect(addressRefusal('127.0.0.1', true)).toBeNull();
    expect(addressRefusal('10.1.1.1', true)).not.toBeNull();
    expect(addressRefusal('93.184.216.34', false)).toBeNull();
  });
});

describe('signature', () => {
  it('verifies its own signature within the window, and nothing else', () => {
    const ts = 1_800_000_000;
    const sig = signWebhook('whsec_k', ts, '{"a":1}');
    const now = new Date(ts * 1000);
    expect(verifyWebhook({ secret: 'whsec_k', body: '{"a":1}', timestamp: String(ts), signature: sig, now })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: 'whsec_k', body: '{"a":1}', timestamp: String(ts), signature: `v1=00,${sig}`, now })).toEqual({ ok: true });
    expect(verifyWebhook({ secret: 'whsec_k', body: '{"a":2}', timestamp: String(ts), signature: sig, now }).ok).toBe(false);
    expect(verifyWebhook({ secret: 'whsec_k', body: '{"a":1}', timestamp: String(ts + 1), signature: sig, now }).ok).toBe(false);
    expect(verifyWebhook({ secret: 'whsec_k', body: '{"a":1}', timestamp: String(ts), signature: sig, now: new Date((ts - 301) * 1000) })).toEqual({ ok: false, reason: 'outside-window' });
    expect(verifyWebhook({ secret: 'whsec_k', body: '{"a":1}', timestamp: '1e9', signature: sig, now })).toEqual({ ok: false, reason: 'bad-timestamp' });
  });
});

describe('addressRefusal', () => {
  it('reads IPv4-mapped IPv6 addresses in either form as the IPv4 address', () => {
    expect(addressRefusal('::ffff:10.0.0.1', false)).not.toBeNull();
    expect(addressRefusal('::ffff:a00:1', false)).not.toBeNull();
    expect(addressRefusal('::ffff:7f00:1', true)).toBeNull();
    expect(addressRefusal('::ffff:5db8:d822', false)).toBeNull();
  });
});
