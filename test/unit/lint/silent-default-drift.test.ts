import { describe, expect, it } from 'vitest';
import { findings, pair } from './harness.js';

describe('lint/silent-default-drift', () => {
  it('flags a hold time that differs only by the daemons\' defaults (FRR 180 s, GoBGP 90 s)', () => {
    const ds = findings('silent-default-drift', pair({ otherDialect: 'gobgp' }));
    expect(ds.map((d) => d.message)).toContainEqual(
      'hold time is 180 s on tor neighbor 10.0.0.2 (frr default) and 90 s on edge neighbor 10.0.0.1 (gobgp default); neither side sets it, so the session runs with 90 s',
    );
  });

  it('accepts written values and equal defaults', () => {
    expect(findings('silent-default-drift', pair({ otherDialect: 'gobgp', routerPeer: { timers: { holdTime: 90 } }, other: { gracefulRestart: { mode: 'helper-only' } } }))).toEqual([]);
    expect(findings('silent-default-drift', pair({}))).toEqual([]);
  });
});
