import { describe, expect, it } from 'vitest';
import { emit, normalize, parse } from '../../../src/index.js';
import { resolve } from '../../../src/ir/resolve.js';
import { checkGobgp, daemonOrFail } from '../../support/daemons.js';

// gobgpd (pkg/config/oc/default.go): a neighbor without afi-safis gets the family of its
// address (both for an unnumbered one); global afi-safis are the speaker's RIB families only.
const toml = `[global.config]
  as = 65000
  router-id = "192.0.2.1"

[[global.afi-safis]]
  [global.afi-safis.config]
    afi-safi-name = "ipv4-unicast"

[[global.afi-safis]]
  [global.afi-safis.config]
    afi-safi-name = "ipv6-unicast"

[[neighbors]]
  [neighbors.config]
    neighbor-address = "192.0.2.2"
    peer-as = 65001

[[neighbors]]
  [neighbors.config]
    neighbor-address = "2001:db8::2"
    peer-as = 65001
`;

describe('GoBGP global afi-safis and neighbors without afi-safis', () => {
  const first = parse({ name: 'gobgpd.toml', text: toml, format: 'gobgp' });

  it('round-trips: parse → emit gobgp → parse gives the same IR and the same text', () => {
    expect(first.status).toBe('ok');
    const out = emit(first.doc, { to: 'gobgp' });
    expect(out.status).toBe('ok');
    expect(out.text).toBe(toml);
    const again = parse({ name: 'gobgpd.toml', text: out.text!, format: 'gobgp' });
    expect(normalize(again.doc)).toEqual(normalize(first.doc));
  });

  it('each neighbor gets the family of its address, not the global ones', () => {
    const s = resolve(first.doc).doc.speakers[0]!;
    const active = (i: number) => s.peers[i]!.families!.filter((f) => f.activate).map((f) => f.family);
    expect(s.families).toEqual(['ipv4-unicast', 'ipv6-unicast']);
    expect(active(0)).toEqual(['ipv4-unicast']);
    expect(active(1)).toEqual(['ipv6-unicast']);
    const frr = emit(first.doc, { to: 'frr' }).text!;
    expect(frr).not.toMatch(/address-family ipv6 unicast\n(?: .*\n)*? {2}neighbor 192\.0\.2\.2 activate/);
    expect(frr).toMatch(/address-family ipv6 unicast\n(?: .*\n)*? {2}neighbor 2001:db8::2 activate/);
  });

  it.skipIf(!daemonOrFail('gobgpd'))('gobgpd accepts the output', () => {
    const check = checkGobgp(emit(first.doc, { to: 'gobgp' }).text!, 'toml');
    expect(check.ok, check.output).toBe(true);
  });
});
