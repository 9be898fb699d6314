import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/asn-mismatch', () => {
  it('flags a remote AS that is not the AS of the other end, on the wrong side, with the other side related', () => {
    const doc = pair({ routerPeer: { remoteAs: { kind: 'explicit', asn: 65009 } } });
    expect(where('asn-mismatch', doc)).toEqual(['- id: 10.0.0.2']);
    const [d] = findings('asn-mismatch', doc);
    expect(d?.message).toContain('expects AS 65009, but edge presents AS 65001');
    expect(d?.related?.[0]?.span.start.line).toBeGreaterThan(d!.span!.start.line);
  });

  it('checks a listen range group against the connecting speaker', () => {
    const doc = pair({
      router: { peers: [], peerGroups: [{ name: 'k8s', remoteAs: { kind: 'explicit', asn: 64999 } }], listenRanges: [{ prefix: '10.0.0.0/24', group: 'k8s' }] },
    });
    expect(where('asn-mismatch', doc)).toEqual(['- prefix: 10.0.0.0/24']);
  });

  it('accepts matching ASNs, local-as, and unknown remotes', () => {
    expect(findings('asn-mismatch', pair({}))).toEqual([]);
    expect(findings('asn-mismatch', pair({ routerPeer: { remoteAs: { kind: 'explicit', asn: 65100 } }, otherPeer: { localAs: { asn: 65100 } } }))).toEqual([]);
    expect(findings('asn-mismatch', pair({ routerPeer: { id: '192.0.2.1', address: '192.0.2.1' } }))).toEqual([]);
  });
});
