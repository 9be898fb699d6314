import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';
import { findings } from './harness.js';

const ir = (timers: string) => `speakers:
  - id: r
    kind: daemon
    asn: 65000
    peers:
      - id: 10.0.0.1
        address: 10.0.0.1
        timers: ${timers}
`;

describe('lint/hold-time-invalid', () => {
  it('flags hold time 1 or 2 and keepalive >= hold, at the timers', () => {
    expect(findings('hold-time-invalid', ir('{holdTime: 2, keepalive: 1}')).map((d) => d.span?.start.line)).toEqual([9]);
    expect(findings('hold-time-invalid', ir('{holdTime: 9, keepalive: 9}'))).toHaveLength(1);
  });

  it('accepts 0 (no keepalives) and sane timers', () => {
    expect(findings('hold-time-invalid', ir('{holdTime: 0, keepalive: 0}'))).toEqual([]);
    expect(findings('hold-time-invalid', ir('{holdTime: 9, keepalive: 3}'))).toEqual([]);
  });

  it('can be turned off or downgraded', () => {
    const text = `irVersion: "1"\n${ir('{holdTime: 2}')}`;
    const of = (rules: Record<string, 'off' | 'warning'>) => lint({ name: 'r.yaml', text, format: 'ir' }, { rules }).diagnostics.filter((d) => d.code === 'lint/hold-time-invalid');
    expect(of({ 'hold-time-invalid': 'off' })).toEqual([]);
    expect(of({ 'hold-time-invalid': 'warning' })[0]?.severity).toBe('warning');
  });
});
