import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/no-listener', () => {
  it('flags an active side facing a speaker that does not listen and does not connect', () => {
    const doc = pair({ other: { listen: { enabled: false } }, otherPeer: { passive: true } });
    expect(where('no-listener', doc)).toEqual(['- id: 10.0.0.1']);
  });

  it('accepts a non-listening speaker that connects itself (MetalLB, Cilium)', () => {
    expect(findings('no-listener', pair({ other: { listen: { enabled: false } } }))).toEqual([]);
    expect(findings('no-listener', pair({ other: { listen: { enabled: false }, dialect: { format: 'metallb' } } }))).toEqual([]);
  });
});
