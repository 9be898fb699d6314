/**
 * Big inputs never hit engine limits: `push(...items)` with 100k+ items
 * overflows the call stack (found by the benchmark at 20,000 neighbors in the
 * BIRD writer). A 20,000-neighbor router is converted to every daemon format,
 * and a list of 150,000 entries written out of order is read and sorted.
 */
import { describe, expect, it } from 'vitest';
import { frr, model } from '../../../bench/gen.js';
import { convert, parse } from '../../../src/index.js';

describe('scale', () => {
  it('converts a router with 20,000 neighbors to FRR, BIRD and GoBGP', () => {
    const text = frr(model({ neighbors: 20_000, entries: 100 }));
    for (const to of ['bird', 'frr', 'gobgp']) {
      const r = convert({ name: 'big.frr.conf', text, format: 'frr' }, { to });
      expect(r.ok, to).toBe(true);
      expect(r.output!.split('\n').length, to).toBeGreaterThan(60_000);
    }
  }, 120_000);

  it('reads a 150,000-entry prefix list written in reverse order', () => {
    const n = 150_000;
    const lines: string[] = [];
    for (let i = n; i >= 1; i--) lines.push(`ip prefix-list BIG seq ${i} permit 10.${(i >> 8) & 255}.${i & 255}.0/24`);
    const r = parse({ name: 'big.conf', text: `${lines.join('\n')}\n`, format: 'frr' });
    const entries = r.doc.speakers[0]!.policy.prefixSets[0]!.entries;
    expect(entries.length).toBe(n);
    expect(entries[0]!.seq).toBe(1);
    expect(entries[n - 1]!.seq).toBe(n);
  }, 120_000);
});
