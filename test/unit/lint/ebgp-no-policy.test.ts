import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

const requires = { options: { ebgpRequiresPolicy: true } };

describe('lint/ebgp-no-policy', () => {
  it('flags an FRR eBGP neighbor without route-maps under ebgp-requires-policy', () => {
    const doc = pair({ router: requires });
    expect(where('ebgp-no-policy', doc)).toEqual(['- id: 10.0.0.2']);
    expect(findings('ebgp-no-policy', doc)[0]?.message).toContain('exchanges no routes');
  });

  it('accepts written policies, `no bgp ebgp-requires-policy`, and iBGP', () => {
    const chain = { chain: [{ kind: 'policy', name: 'ALL' }] };
    expect(findings('ebgp-no-policy', pair({ router: requires, routerPeer: { families: [{ family: 'ipv4-unicast', activate: true, import: chain, export: chain }] } }))).toEqual([]);
    expect(findings('ebgp-no-policy', pair({}))).toEqual([]);
    expect(findings('ebgp-no-policy', pair({ router: requires, routerPeer: { remoteAs: { kind: 'internal' } }, other: { asn: 65000 } }))).toEqual([]);
  });
});
