import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/peer-port-mismatch', () => {
  it('flags a neighbor connecting to a port the other end does not listen on', () => {
    expect(where('peer-port-mismatch', pair({ routerPeer: { port: 1790 } }))).toEqual(['- id: 10.0.0.2']);
  });

  it('accepts matching ports and passive ends', () => {
    expect(findings('peer-port-mismatch', pair({ routerPeer: { port: 1790 }, other: { listen: { port: 1790 } }, otherPeer: { port: 1790 }, router: { listen: { port: 1790 } } }))).toEqual([]);
    expect(findings('peer-port-mismatch', pair({ routerPeer: { port: 1790, passive: true } }))).toEqual([]);
  });
});
