// Sign-in through the web app, from two client addresses on loopback (127.0.0.2, 127.0.0.3): the
// API's per-address limit (20 failures per window) must see each browser's own address, which
// the web server forwards with the secret it shares with the API. Without that, every browser
// would share the web server's address, and one guessing client would lock out everybody.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stackInfo } from './browser/harness.js';

function postSignIn(from: string, username: string): Promise<number> {
  const url = new URL('/signin', stackInfo().webUrl);
  const body = new URLSearchParams({ username, password: 'not the password' }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-lianjian-client-ip': '192.0.2.1' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('per-address sign-in limit through the web app', () => {
  it('limits the guessing browser, not the others behind the same web server', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await postSignIn('127.0.0.2', `guess-${i}`));
    expect(statuses.every((s) => s === 400), statuses.join(',')).toBe(true); // wrong password: a form error
    expect(await postSignIn('127.0.0.2', 'guess-more')).toBe(429);
    // A different browser still gets an ordinary answer; the header it sent is overwritten.
    expect(await postSignIn('127.0.0.3', 'someone')).toBe(400);
  });
});
