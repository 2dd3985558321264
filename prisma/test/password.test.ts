import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PasswordHashError, verifyPassword } from '../src/password.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and rejects others', async () => {
    const h = await hashPassword('正确的密码 correct horse', FAST);
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('正确的密码 correct horse', h)).toBe(true);
    expect(await verifyPassword('正确的密码 correct horsE', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  it('uses N = 2^15 by default and says when a hash is weaker', async () => {
    const h = await hashPassword('x');
    expect(h.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(needsRehash(h)).toBe(false);
    expect(needsRehash(await hashPassword('x', FAST))).toBe(true);
  });

  it('refuses malformed or tampered hashes instead of guessing', async () => {
    const h = await hashPassword('x', FAST);
    await expect(verifyPassword('x', 'bcrypt$2b$10$abc')).rejects.toThrow(PasswordHashError);
    await expect(verifyPassword('x', h.replace('$1024$', '$1000$'))).rejects.toThrow(/out of range/);
    await expect(verifyPassword('x', h.replace('$1024$', `$${2 ** 24}$`))).rejects.toThrow(/out of range/);
    await expect(verifyPassword('x', h.slice(0, -4))).rejects.toThrow(/wrong size/);
    await expect(hashPassword('')).rejects.toThrow(PasswordHashError);
  });
});
