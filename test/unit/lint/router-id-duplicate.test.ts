import { describe, expect, it } from 'vitest';
import { findings, pair } from './harness.js';

describe('lint/router-id-duplicate', () => {
  it('flags two speakers with the same router ID, relating the second', () => {
    const ds = findings('router-id-duplicate', pair({ other: { routerId: '10.0.0.1' } }));
    expect(ds.map((d) => d.message)).toEqual(['router ID 10.0.0.1 is used by tor, edge']);
    expect(ds[0]?.related).toHaveLength(1);
  });

  it('accepts distinct router IDs', () => {
    expect(findings('router-id-duplicate', pair({}))).toEqual([]);
  });
});
