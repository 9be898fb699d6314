import { describe, expect, it } from 'vitest';
import { findings, pair } from './harness.js';

describe('lint/bfd-timer-mismatch', () => {
  it('flags different detection times, computed from intervals and multipliers', () => {
    const doc = pair({
      routerPeer: { bfd: { enabled: true, receiveIntervalUs: 100000, transmitIntervalUs: 100000, detectMultiplier: 5 } },
      otherPeer: { bfd: { enabled: true } },
    });
    expect(findings('bfd-timer-mismatch', doc).map((d) => d.message)).toEqual([
      'BFD detects a failure after 900 ms on tor neighbor 10.0.0.2 but after 1500 ms on edge neighbor 10.0.0.1',
    ]);
  });

  it('accepts the same profile on both ends', () => {
    const bfd = { enabled: true, receiveIntervalUs: 100000, transmitIntervalUs: 100000, detectMultiplier: 5 };
    expect(findings('bfd-timer-mismatch', pair({ routerPeer: { bfd }, otherPeer: { bfd } }))).toEqual([]);
  });
});
