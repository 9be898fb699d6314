import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/source-address-mismatch', () => {
  it('flags a source address the remote does not expect', () => {
    const doc = pair({ other: { addresses: ['10.0.0.2', '10.0.1.2'] }, otherPeer: { localAddress: '10.0.1.2' } });
    expect(where('source-address-mismatch', doc)).toEqual(['- id: 10.0.0.1']);
  });

  it('accepts the expected source address', () => {
    expect(findings('source-address-mismatch', pair({ otherPeer: { localAddress: '10.0.0.2' } }))).toEqual([]);
  });
});
