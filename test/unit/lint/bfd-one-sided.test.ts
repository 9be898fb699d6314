import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/bfd-one-sided', () => {
  it('flags the end without BFD', () => {
    expect(where('bfd-one-sided', pair({ routerPeer: { bfd: { enabled: true } } }))).toEqual(['- id: 10.0.0.1']);
  });

  it('accepts BFD on both ends or neither', () => {
    expect(findings('bfd-one-sided', pair({ routerPeer: { bfd: { enabled: true } }, otherPeer: { bfd: { enabled: true } } }))).toEqual([]);
    expect(findings('bfd-one-sided', pair({}))).toEqual([]);
  });
});
