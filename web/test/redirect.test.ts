import { describe, expect, it } from 'vitest';
import { safeRedirect } from '../app/lib/redirect';

describe('safeRedirect', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirect('/me', '/')).toBe('/me');
    expect(safeRedirect('/members?stage=FULL&after=abc', '/')).toBe('/members?stage=FULL&after=abc');
  });

  it('refuses other sites and odd values', () => {
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'me', '', null, undefined]) {
      expect(safeRedirect(bad, '/fallback')).toBe('/fallback');
    }
  });
});
