import { describe, expect, it } from 'vitest';
import { findings, pair } from './harness.js';

const v6only = { options: { defaultIpv4Unicast: false } };
const fam = (...f: string[]) => ({ families: f.map((family) => ({ family, activate: true })) });

describe('lint/af-mismatch', () => {
  it('is an error when no family is in common, a warning when some are one-sided', () => {
    const none = findings('af-mismatch', pair({ router: v6only, routerPeer: fam('ipv6-unicast') }));
    expect(none.map((d) => d.severity)).toEqual(['error']);
    const some = findings('af-mismatch', pair({ routerPeer: fam('ipv6-unicast') }));
    expect(some.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'only tor neighbor 10.0.0.2 activates ipv6-unicast; only edge neighbor 10.0.0.1 activates -: those families are not exchanged'],
    ]);
  });

  it('accepts the same families', () => {
    expect(findings('af-mismatch', pair({ routerPeer: fam('ipv6-unicast'), otherPeer: fam('ipv6-unicast') }))).toEqual([]);
  });
});
