import { describe, expect, it } from 'vitest';
import { findings, pair } from './harness.js';

describe('lint/hold-time-mismatch', () => {
  it('flags written hold times that differ', () => {
    const ds = findings('hold-time-mismatch', pair({ routerPeer: { timers: { holdTime: 9, keepalive: 3 } } }));
    expect(ds.map((d) => d.message)).toEqual(['hold time 9 s on tor neighbor 10.0.0.2 but 180 s on edge neighbor 10.0.0.1: the session negotiates 9 s']);
  });

  it('accepts equal hold times, and leaves default-only differences to silent-default-drift', () => {
    expect(findings('hold-time-mismatch', pair({ routerPeer: { timers: { holdTime: 9 } }, otherPeer: { timers: { holdTime: 9 } } }))).toEqual([]);
    expect(findings('hold-time-mismatch', pair({ otherDialect: 'gobgp' }))).toEqual([]);
  });
});
