/** FRR peer groups cannot inherit: a BIRD template chain becomes flat groups with everything inherited (found by the benchmark router). */
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/index.js';
import { checkFrr, daemonOrFail } from '../../support/daemons.js';

const bird = `router id 10.0.0.1;
filter IN { if net ~ [ 10.0.0.0/8+ ] then accept; reject; }
template bgp DYN {
  local as 65000;
  hold time 30;
  ipv4 { import filter IN; export none; };
}
protocol bgp dyn0 from DYN { neighbor range 100.64.0.0/16 as 64999; }
`;

describe('FRR writer: inherited peer groups', () => {
  const r = convert({ name: 'bird.conf', text: bird, format: 'bird' }, { to: 'frr' });

  it('writes the listen-range group with the template settings copied in, as a lowering (not a loss)', () => {
    expect(r.ok).toBe(true);
    const out = r.output!;
    expect(out).toContain(' bgp listen range 100.64.0.0/16 peer-group dyn0');
    expect(out).toMatch(/neighbor dyn0 timers \d+ 30/);
    expect(out).toContain('  neighbor dyn0 activate');
    expect(out).toMatch(/ {2}neighbor dyn0 route-map \S+ in/);
    expect(r.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === 'emit/lowered' && d.message.includes('dyn0'))).toBe(true);
  });

  it.skipIf(!daemonOrFail('vtysh'))('vtysh accepts it', () => {
    const c = checkFrr(r.output!);
    expect(c.ok, c.output).toBe(true);
  });
});
