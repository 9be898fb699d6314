/** FRR reader: values mapped onto the IR, diagnostics with spans, vtysh's node walking. */
import { describe, expect, it } from 'vitest';
import { parse, resolve } from '../../../src/index.js';

const read = (text: string) => parse({ name: 'frr.conf', text, format: 'frr' });

describe('FRR reader', () => {
  it('records the dialect and names speakers after the hostname and VRF', () => {
    const r = read('frr version 8.0\nfrr defaults datacenter\nhostname r1\nrouter bgp 65000\nexit\nrouter bgp 65000 vrf red\nexit\n');
    expect(r.doc.speakers.map((s) => s.id)).toEqual(['r1', 'r1/vrf-red']);
    expect(r.doc.speakers[0]!.dialect).toEqual({ format: 'frr', version: '8.0', profile: 'datacenter' });
    expect(r.doc.speakers[1]!.vrf).toBe('red');
    expect(r.doc.sources[0]).toMatchObject({ format: 'frr', dialect: { version: '8.0' } });
  });

  it('reads a block without indentation, walking up nodes as vtysh does (seed 002)', () => {
    const r = read('router bgp 65000\nneighbor G peer-group\nneighbor G remote-as external\nneighbor 10.0.0.1 peer-group G\nroute-map RM permit 10\nset local-preference 200\n');
    const sp = r.doc.speakers[0]!;
    expect(sp.peerGroups[0]).toMatchObject({ name: 'G', kind: 'peer-group', remoteAs: { kind: 'external' } });
    expect(sp.peers[0]).toMatchObject({ id: '10.0.0.1', address: '10.0.0.1', group: 'G' });
    expect(sp.policy.policies[0]!.statements[0]).toMatchObject({ seq: 10, result: 'accept', actions: [{ kind: 'set-local-pref', value: 200 }] });
    expect(sp.policy.policies[0]!.defaultResult).toBe('reject');
    expect(r.diagnostics).toEqual([]);
  });

  it('maps listen ranges, the listen limit, timers and BFD in microseconds', () => {
    const r = read(
      [
        'router bgp 64512',
        ' bgp listen limit 200',
        ' neighbor M peer-group',
        ' neighbor M remote-as 64512',
        ' neighbor M timers 3 9',
        ' neighbor M bfd 4 100 200',
        ' bgp listen range 192.168.7.0/24 peer-group M',
        'bfd',
        ' profile p',
        '  transmit-interval 100',
        '  echo-interval 50',
      ].join('\n'),
    );
    const sp = r.doc.speakers[0]!;
    expect(sp.options?.listenLimit).toBe(200);
    expect(sp.listenRanges).toMatchObject([{ prefix: '192.168.7.0/24', group: 'M' }]);
    expect(sp.peerGroups[0]!.timers).toEqual({ keepalive: 3, holdTime: 9 });
    expect(sp.peerGroups[0]!.bfd).toEqual({ enabled: true, detectMultiplier: 4, receiveIntervalUs: 100000, transmitIntervalUs: 200000 });
    expect(sp.bfdProfiles[0]).toMatchObject({ name: 'p', transmitIntervalUs: 100000, echoReceiveIntervalUs: 50000, echoTransmitIntervalUs: 50000 });
  });

  it('reproduces FRR silent timer repair and reports it', () => {
    const r = read('router bgp 1\n neighbor 10.0.0.1 remote-as 2\n neighbor 10.0.0.1 timers 60 30\n');
    expect(r.doc.speakers[0]!.peers[0]!.timers).toEqual({ keepalive: 10, holdTime: 30 });
    expect(r.diagnostics).toMatchObject([{ code: 'parse/invalid', severity: 'warning', span: { start: { line: 3, column: 2 } } }]);
  });

  it('keeps unknown lines raw in their block, with the span', () => {
    const r = read('router bgp 1\n neighbor 10.0.0.1 remote-as 2\n neighbor 10.0.0.1 aigp\n address-family ipv4 unicast\n  table-map X\n exit-address-family\nfoo bar\n');
    const sp = r.doc.speakers[0]!;
    expect(sp.raw).toMatchObject([
      { dialect: 'frr', text: 'neighbor 10.0.0.1 aigp', context: ['router bgp 1'] },
      { dialect: 'frr', text: 'table-map X', context: ['router bgp 1', 'address-family ipv4 unicast'] },
    ]);
    expect(r.doc.raw).toMatchObject([{ text: 'foo bar' }]);
    expect(r.diagnostics.map((d) => [d.code, d.span?.start.line, d.span?.start.column])).toEqual([
      ['parse/unrecognized', 3, 2],
      ['parse/unrecognized', 5, 3],
      ['parse/unrecognized', 7, 1],
    ]);
  });

  it('keeps non-BGP blocks raw and reports them as ignored', () => {
    const r = read('log syslog\ninterface eth0\n ip address 10.0.0.1/24\nexit\nrouter bgp 1\nexit\n');
    expect(r.doc.raw.map((x) => x.text)).toEqual(['log syslog', 'interface eth0\n ip address 10.0.0.1/24\nexit']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse/ignored', 'parse/ignored']);
    expect(r.doc.speakers[0]!.asn).toBe(1);
  });

  it('maps address-family options to per-family settings and chains in FRR order', () => {
    const r = read(
      'router bgp 1\n neighbor 10.0.0.1 remote-as 2\n address-family ipv6 unicast\n  neighbor 10.0.0.1 activate\n  neighbor 10.0.0.1 route-map RM in\n  neighbor 10.0.0.1 prefix-list PL in\n  no neighbor 10.0.0.1 activate\n',
    );
    const f = r.doc.speakers[0]!.peers[0]!.families![0]!;
    expect(f.family).toBe('ipv6-unicast');
    expect(f.activate).toBe(false);
    expect(f.import!.chain.map((c) => c.kind)).toEqual(['prefix-set', 'policy']);
  });

  it('orders prefix-list entries by sequence number, as FRR does', () => {
    const r = read('ip prefix-list A seq 20 deny any\nip prefix-list A seq 10 permit 10.0.0.0/8 le 24\nip prefix-list A permit 192.0.2.0/24\n');
    const set = r.doc.speakers[0]!.policy.prefixSets[0]!;
    expect(set.entries.map((e) => e.seq)).toEqual([10, 20, undefined]);
    expect(set.entries[1]).toMatchObject({ prefix: '0.0.0.0/0', le: 32, action: 'deny' });
  });

  it('gives effective defaults per profile through resolve()', () => {
    const dc = resolve(read('frr defaults datacenter\nrouter bgp 1\n neighbor 10.0.0.1 remote-as 2\n').doc).doc;
    expect(dc.speakers[0]!.peers[0]!.timers).toMatchObject({ holdTime: 9, keepalive: 3 });
    const trad = resolve(read('frr version 8.4\nrouter bgp 1\n neighbor 10.0.0.1 remote-as 2\n').doc).doc;
    const p = trad.speakers[0]!.peers[0]!;
    expect(p.timers).toMatchObject({ holdTime: 180, keepalive: 60, connectRetry: 120 });
    expect(p.families).toMatchObject([{ family: 'ipv4-unicast', activate: true, import: { defaultAction: 'reject' } }]);
  });

  it('never throws on garbage', () => {
    const r = read('router bgp\n neighbor\n  address-family\nroute-map\nbfd\n profile\n  detect-multiplier x\n\u00e9\u00e9 !!\n');
    expect(r.status).toBe('ok');
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});
