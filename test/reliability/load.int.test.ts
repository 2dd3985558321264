// A short load run inside `npm test` (the long one is `npm run soak`): 64 concurrent clients
// mixing reads and writes for 20 s against the API, the indexer anchoring on a real chain.
// Zero errors; every record written is anchored and verifies online; p99 is reported.
import { describe, expect, it } from 'vitest';
import { formatFigures, loadScenario } from './lib/scenario.js';
import { startVerifiedStack } from './lib/stack.js';

describe('64 concurrent clients for 20 s', () => {
  it('answers every request, and every written record is anchored and verified', async () => {
    const stack = async () => {
      const s = await startVerifiedStack();
      return { ...s, dbUrl: s.h.dbUrl, prisma: s.h.prisma, config: s.h.config, token: s.secretary.token!, unitId: s.fx.units.b1.id, rpcUrl: s.chain.rpcUrl };
    };
    const f = await loadScenario({ stack, clients: 64, seconds: 20 });
    console.log(`[load] ${formatFigures(f).replace(/\n/g, '\n[load] ')}`);
    expect(f.errors, JSON.stringify(f.errorCodes)).toBe(0);
    // How many requests fit in 20 s depends on the machine's load; that every client was served
    // and that writes happened does not.
    expect(f.requests).toBeGreaterThanOrEqual(64);
    expect(f.writesAcknowledged).toBeGreaterThan(0);
    expect(f.recordsWritten).toBe(f.writesAcknowledged);
    expect(f.notVerified).toEqual([]);
    expect(f.recordsVerified).toBe(f.recordsWritten);
  }, 300_000);
});
