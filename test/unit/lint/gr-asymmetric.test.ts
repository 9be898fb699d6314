import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/gr-asymmetric', () => {
  it('flags graceful restart on one end facing a disabled end, and different restart times', () => {
    expect(where('gr-asymmetric', pair({ router: { gracefulRestart: { mode: 'full' } }, otherDialect: 'gobgp' }))).toEqual(['- id: 10.0.0.1']);
    const times = pair({ router: { gracefulRestart: { mode: 'full', restartTime: 120 } }, other: { gracefulRestart: { mode: 'full', restartTime: 300 } } });
    expect(findings('gr-asymmetric', times)).toHaveLength(1);
  });

  it('an enabled switch without a mode restarts gracefully, even where the dialect default is disabled (GoBGP)', () => {
    const d = pair({ router: { gracefulRestart: { enabled: false } }, other: { gracefulRestart: { enabled: true } }, otherDialect: 'gobgp' });
    expect(findings('gr-asymmetric', d)).toHaveLength(1);
  });

  it('accepts a restarting end facing a helper', () => {
    expect(findings('gr-asymmetric', pair({ router: { gracefulRestart: { mode: 'full' } } }))).toEqual([]);
  });
});
