import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';

const ir = (timers: string) => `irVersion: "1"
speakers:
  - id: r
    kind: daemon
    asn: 65000
    peers:
      - id: 10.0.0.1
        address: 10.0.0.1
        timers: ${timers}
`;

const codes = (text: string) => lint({ name: 'r.yaml', text, format: 'ir' }).diagnostics.map((d) => d.code);

describe('lint/hold-time-invalid', () => {
  it('flags hold time 1 or 2 and keepalive >= hold', () => {
    expect(codes(ir('{holdTime: 2, keepalive: 1}'))).toEqual(['lint/hold-time-invalid']);
    expect(codes(ir('{holdTime: 9, keepalive: 9}'))).toEqual(['lint/hold-time-invalid']);
  });

  it('accepts 0 (no keepalives) and sane timers', () => {
    expect(codes(ir('{holdTime: 0, keepalive: 0}'))).toEqual([]);
    expect(codes(ir('{holdTime: 9, keepalive: 3}'))).toEqual([]);
  });

  it('can be turned off or downgraded', () => {
    const text = ir('{holdTime: 2}');
    expect(lint({ name: 'r.yaml', text, format: 'ir' }, { rules: { 'hold-time-invalid': 'off' } }).diagnostics).toEqual([]);
    expect(lint({ name: 'r.yaml', text, format: 'ir' }, { rules: { 'hold-time-invalid': 'warning' } }).diagnostics[0]?.severity).toBe('warning');
  });
});
