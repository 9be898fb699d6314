/**
 * GoBGP → FRR: global apply-policy. The GoBGP reader re-homes global policies per neighbor where
 * exact; what remains of the global policy with no policy in it (a default-*-policy) is written per
 * session. Only policies that stay global are reported as left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/index.js';
import { checkFrr, daemonOrFail } from '../../support/daemons.js';

const root = join(import.meta.dirname, '../../..');
// The live ebgp-policy scenario: export policy re-homed to 10.80.2.2, default-import-policy accept-route left global.
const rehomed = readFileSync(join(root, 'test/interop/scenarios/ebgp-policy/dut.gobgp.toml'), 'utf8');

const stays = `[global.config]
  as = 65000
  router-id = "10.0.0.1"
[global.apply-policy.config]
  import-policy-list = ["pref"]
  default-import-policy = "reject-route"
[[defined-sets.prefix-sets]]
  prefix-set-name = "nets"
  [[defined-sets.prefix-sets.prefix-list]]
    ip-prefix = "198.51.100.0/24"
[[policy-definitions]]
  name = "pref"
  [[policy-definitions.statements]]
    [policy-definitions.statements.conditions.match-prefix-set]
      prefix-set = "nets"
    [policy-definitions.statements.actions]
      route-disposition = "accept-route"
[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.2"
    peer-as = 65001
`;

const defaultsOnly = `[global.config]
  as = 65000
  router-id = "10.0.0.1"
[global.apply-policy.config]
  default-import-policy = "reject-route"
  default-export-policy = "accept-route"
[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.2"
    peer-as = 65001
`;

const notRendered = (r: ReturnType<typeof convert>) => r.diagnostics.filter((d) => d.code === 'emit/not-rendered').map((d) => d.message);

describe('FRR writer: GoBGP global policies', () => {
  it('reports no loss for re-homed policies and writes the global default per session', () => {
    const r = convert({ name: 'dut.gobgp.toml', text: rehomed, format: 'gobgp' }, { to: 'frr' });
    expect(r.ok).toBe(true);
    // Nothing is lost: the neighbor set "sink" the policy matched on is no longer used either.
    expect(notRendered(r)).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === 'emit/lowered' && d.message.includes('global import default (accept'))).toBe(true);
    expect(r.diagnostics.some((d) => d.code === 'emit/lowered' && d.message.startsWith('neighbor set sink: no policy matches on it'))).toBe(true);
    expect(r.output).toContain('neighbor 10.80.2.2 route-map to-sink out');
  });

  it('writes default-only global policies per session: reject → a deny-all route-map, accept → FRR accepts', () => {
    const r = convert({ name: 'g.toml', text: defaultsOnly, format: 'gobgp' }, { to: 'frr' });
    expect(notRendered(r).filter((m) => m.includes('global'))).toEqual([]);
    expect(r.output).toContain('neighbor 10.0.0.2 route-map bgpc-deny-all in');
    expect(r.output).not.toContain('neighbor 10.0.0.2 route-map bgpc-deny-all out');
  });

  it('still reports a global policy that cannot be re-homed, naming it', () => {
    const r = convert({ name: 'g.toml', text: stays, format: 'gobgp' }, { to: 'frr' });
    expect(notRendered(r).filter((m) => m.includes('global'))).toEqual(['FRR cannot express the global import [pref] policies (FRR applies policies per neighbor); left out']);
  });

  it.skipIf(!daemonOrFail('vtysh'))('FRR accepts what is written', () => {
    for (const text of [rehomed, defaultsOnly, stays]) {
      const r = convert({ name: 'g.toml', text, format: 'gobgp' }, { to: 'frr' });
      const c = checkFrr(r.output!);
      expect(c.ok, `${c.output}\n${r.output}`).toBe(true);
    }
  });
});
