import { describe, expect, it } from 'vitest';
import { createGate } from './gate.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('createGate', () => {
  it('runs at most `slots` at once and admits the rest in arrival order', async () => {
    const gate = createGate(2);
    const order: string[] = [];
    const a = await gate.enter(() => false);
    const b = await gate.enter(() => false);
    expect(gate.running).toBe(2);
    const c = gate.enter(() => false).then((r) => (order.push('c'), r));
    const d = gate.enter(() => false).then((r) => (order.push('d'), r));
    await tick();
    expect(order).toEqual([]);
    expect(gate.waiting).toBe(2);
    a!();
    a!(); // a second release is ignored
    await tick();
    expect(order).toEqual(['c']);
    expect(gate.running).toBe(2);
    b!();
    (await c)!();
    (await d)!();
    expect(order).toEqual(['c', 'd']);
    expect(gate.running).toBe(0);
  });

  it('drops a waiting request whose client has gone, without taking a slot', async () => {
    const gate = createGate(1);
    const first = await gate.enter(() => false);
    let gone = false;
    const dropped = gate.enter(() => gone);
    const kept = gate.enter(() => false);
    gone = true;
    first!();
    expect(await dropped).toBeNull();
    const release = await kept;
    expect(release).toBeTypeOf('function');
    expect(gate.running).toBe(1);
    release!();
    expect(gate.running).toBe(0);
  });
});
