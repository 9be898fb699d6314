import { describe, expect, it } from 'vitest';
import { emptyDocument, emptySpeaker } from '../../../src/ir/build.js';
import { resolve } from '../../../src/ir/resolve.js';
import type { Dialect, IrDocument, Peer, PeerGroup, Speaker } from '../../../src/ir/schema.js';

function doc(dialect: Dialect | undefined, patch: Partial<Speaker>): IrDocument {
  const d = emptyDocument();
  d.speakers.push({ ...emptySpeaker('s'), ...(dialect ? { dialect } : {}), asn: 65000, ...patch });
  return d;
}

const peer = (p: Partial<Peer>): Peer => ({ id: p.address ?? 'p', ...p });
const ebgp = { kind: 'explicit' as const, asn: 65001 };
const ibgp = { kind: 'explicit' as const, asn: 65000 };

function effectivePeer(dialect: Dialect | undefined, p: Partial<Peer>, patch: Partial<Speaker> = {}): Peer {
  return resolve(doc(dialect, { peers: [peer(p)], ...patch })).doc.speakers[0]!.peers[0]!;
}

describe('resolve: dialect defaults', () => {
  it('FRR traditional: 180/60, connect retry 120 before 10.3 and 30 after, IPv4 unicast activated, eBGP denied without policy', () => {
    const p = effectivePeer({ format: 'frr', version: '8.4', profile: 'traditional' }, { address: '10.0.0.1', remoteAs: ebgp });
    expect(p.timers).toEqual({ holdTime: 180, keepalive: 60, connectRetry: 120 });
    expect(p.families).toEqual([
      { family: 'ipv4-unicast', activate: true, import: { chain: [], defaultAction: 'reject' }, export: { chain: [], defaultAction: 'reject' } },
    ]);
    expect(effectivePeer({ format: 'frr', version: '10.3' }, { address: '10.0.0.1' }).timers?.connectRetry).toBe(30);
  });

  it('FRR datacenter: 9/3/10 and eBGP accepted without policy', () => {
    const p = effectivePeer({ format: 'frr', profile: 'datacenter' }, { address: '10.0.0.1', remoteAs: ebgp });
    expect(p.timers).toEqual({ holdTime: 9, keepalive: 3, connectRetry: 10 });
    expect(p.families?.[0]?.import).toEqual({ chain: [], defaultAction: 'accept' });
  });

  it('FRR: `no bgp ebgp-requires-policy` makes unfiltered eBGP accept; `no bgp default ipv4-unicast` activates nothing', () => {
    const p = effectivePeer({ format: 'frr', version: '8.4' }, { address: '10.0.0.1', remoteAs: ebgp }, { options: { ebgpRequiresPolicy: false } });
    expect(p.families?.[0]?.import?.defaultAction).toBe('accept');
    const q = effectivePeer({ format: 'frr' }, { address: '10.0.0.1', remoteAs: ebgp }, { options: { defaultIpv4Unicast: false } });
    expect(q.families).toEqual([]);
  });

  it('BIRD 2: hold 240, keepalive derived as a third of an explicit hold, iBGP imports all and exports none', () => {
    const p = effectivePeer({ format: 'bird' }, { id: 'p', remoteAs: ibgp, timers: { holdTime: 90 }, families: [{ family: 'ipv6-unicast', activate: true }] });
    expect(p.timers).toEqual({ holdTime: 90, keepalive: 30, connectRetry: 120 });
    expect(p.families?.[0]).toMatchObject({ import: { defaultAction: 'accept' }, export: { defaultAction: 'reject' } });
    expect(effectivePeer({ format: 'bird' }, { id: 'q' }).timers?.holdTime).toBe(240);
  });

  it('GoBGP: 90/30/120, family from the neighbor address, multihop TTL 255 when enabled without one', () => {
    const p = effectivePeer({ format: 'gobgp' }, { address: '2001:db8::1', remoteAs: ebgp, multihop: { enabled: true } });
    expect(p.timers).toEqual({ holdTime: 90, keepalive: 30, connectRetry: 120 });
    expect(p.families?.map((f) => f.family)).toEqual(['ipv6-unicast']);
    expect(p.multihop).toEqual({ enabled: true, ttl: 255 });
  });

  it('MetalLB and Cilium speakers do not listen', () => {
    for (const format of ['metallb', 'cilium'] as const) {
      expect(resolve(doc({ format }, {})).doc.speakers[0]!.listen).toEqual({ enabled: false, port: 179 });
    }
  });

  it('an unknown dialect gets inheritance only: unset stays unset', () => {
    const p = effectivePeer(undefined, { address: '10.0.0.1' });
    expect(p.timers).toBeUndefined();
    expect(p.families).toBeUndefined();
  });

  it('BFD intervals come from the profile, then the dialect default', () => {
    const d = doc({ format: 'frr' }, {
      bfdProfiles: [{ name: 'fast', transmitIntervalUs: 100000 }],
      peers: [peer({ address: '10.0.0.1', bfd: { enabled: true, profile: 'fast' } })],
    });
    expect(resolve(d).doc.speakers[0]!.peers[0]!.bfd).toEqual({
      enabled: true,
      profile: 'fast',
      receiveIntervalUs: 300000,
      transmitIntervalUs: 100000,
      detectMultiplier: 3,
    });
  });
});

describe('resolve: graceful restart switch', () => {
  it('enabled without a mode is full even where the dialect default is disabled (GoBGP, Cilium); enabled: false is disabled', () => {
    for (const format of ['gobgp', 'cilium', 'frr', 'bird'] as const) {
      const p = effectivePeer({ format }, { address: '10.0.0.1', gracefulRestart: { enabled: true } });
      expect(p.gracefulRestart?.mode, format).toBe('full');
      const q = effectivePeer({ format }, { address: '10.0.0.1', gracefulRestart: { enabled: false } });
      expect(q.gracefulRestart?.mode, format).toBe('disabled');
      const sp = resolve(doc({ format }, { gracefulRestart: { enabled: true } })).doc.speakers[0]!;
      expect(sp.gracefulRestart?.mode, format).toBe('full');
    }
  });

  it('a peer switch wins over the speaker mode; an unswitched peer inherits the speaker switch; an explicit mode stays', () => {
    const patch = { gracefulRestart: { enabled: true } };
    expect(effectivePeer({ format: 'gobgp' }, { address: '10.0.0.1', gracefulRestart: { enabled: false } }, patch).gracefulRestart?.mode).toBe('disabled');
    expect(effectivePeer({ format: 'gobgp' }, { address: '10.0.0.1', gracefulRestart: { restartTime: 30 } }, patch).gracefulRestart).toMatchObject({ enabled: true, mode: 'full', restartTime: 30 });
    expect(effectivePeer({ format: 'gobgp' }, { address: '10.0.0.1' }, patch).gracefulRestart?.mode).toBe('full');
    expect(effectivePeer({ format: 'gobgp' }, { address: '10.0.0.1', gracefulRestart: { enabled: true, mode: 'helper-only' } }).gracefulRestart?.mode).toBe('helper-only');
    const once = resolve(doc({ format: 'cilium' }, { peers: [peer({ address: '10.0.0.1', gracefulRestart: { enabled: true } })] })).doc;
    expect(resolve(once).doc).toEqual(once);
  });
});

describe('resolve: inheritance', () => {
  const groups: PeerGroup[] = [
    { name: 'base', kind: 'template', remoteAs: ebgp, timers: { holdTime: 30, keepalive: 10 }, passive: true },
    { name: 'leaf', kind: 'template', inherits: 'base', timers: { holdTime: 60 }, families: [{ family: 'ipv4-unicast', activate: true }] },
  ];

  it('peer over group over template, field by field; families merge per family', () => {
    const p = resolve(
      doc(undefined, {
        peerGroups: groups,
        peers: [peer({ address: '10.0.0.1', group: 'leaf', passive: false, families: [{ family: 'ipv4-unicast', softReconfigurationInbound: true }] })],
      }),
    ).doc.speakers[0]!.peers[0]!;
    expect(p.remoteAs).toEqual(ebgp);
    expect(p.passive).toBe(false);
    expect(p.timers).toEqual({ holdTime: 60, keepalive: 10 });
    expect(p.families).toEqual([{ family: 'ipv4-unicast', activate: true, softReconfigurationInbound: true }]);
  });

  it('reports an inheritance cycle instead of looping', () => {
    const r = resolve(
      doc(undefined, {
        peerGroups: [
          { name: 'a', inherits: 'b' },
          { name: 'b', inherits: 'a' },
        ],
      }),
    );
    expect(r.diagnostics.map((d) => d.code)).toContain('resolve/inheritance-cycle');
  });
});
