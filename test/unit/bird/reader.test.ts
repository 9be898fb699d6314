import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/source.js';
import { read } from './support.js';

const speaker = (text: string, format: 'bird' | 'bird1' = 'bird', name = 'bird.conf') => read(text, format, name).doc.speakers[0]!;
const codes = (text: string) => read(text).diagnostics.map((d) => `${d.code}@${d.span?.start.line}`);

describe('BIRD reader: BGP protocols', () => {
  const conf = `
define PEER = 192.0.2.1;
template bgp T {
  local as 65000;
  hold time 90;
  keepalive time 30;
  connect retry time 5;
  startup hold time 100;
  graceful restart aware;
  graceful restart time 60;
  long lived graceful restart on;
  long lived stale time 300;
  ipv4 { import all; export none; next hop self ebgp; gateway recursive; add paths rx; import limit 10 action warn; };
}
protocol bgp up from T {
  description "upstream";
  neighbor PEER port 1790 as 65001;
  source address 192.0.2.2;
  multihop 3;
  passive on;
  password "pw";
  bfd graceful;
  enable route refresh off;
  ttl security on;
  ipv4 { export filter out; extended next hop on; };
  ipv6;
}
protocol bgp ib { local 10.0.0.1 as 65000; neighbor 10.0.0.2 internal; direct; rr client; rr cluster id 1.1.1.1; allow local as; ipv4 { import none; export none; next hop keep; }; }
protocol bgp dyn { local as 65005; neighbor range 10.1.0.0/24 external; ipv4 { import all; export none; }; }
protocol bgp { local as 65000; neighbor 10.0.0.9 as 65009; }
protocol bgp { local as 65000; neighbor 10.0.0.10 as 65010; }
filter out { accept; }
`;
  const s = speaker(conf);

  it('maps templates to peer groups and protocols to peers', () => {
    expect(s.asn).toBe(65000);
    const t = s.peerGroups.find((g) => g.name === 'T')!;
    expect(t).toMatchObject({ kind: 'template', timers: { holdTime: 90, keepalive: 30, connectRetry: 5, startupHoldTime: 100 } });
    expect(t.gracefulRestart).toEqual({ enabled: true, mode: 'helper-only', restartTime: 60, longLived: { enabled: true, staleTime: 300 } });
    expect(t.families![0]).toMatchObject({
      family: 'ipv4-unicast',
      activate: true,
      import: { chain: [], defaultAction: 'accept' },
      export: { chain: [], defaultAction: 'reject' },
      nextHopSelf: 'self',
      gateway: 'recursive',
      addPath: { receive: true },
      prefixLimit: { max: 10, warningOnly: true },
    });
    const up = s.peers.find((p) => p.id === 'up')!;
    expect(up).toMatchObject({
      name: 'up',
      group: 'T',
      address: '192.0.2.1',
      port: 1790,
      remoteAs: { kind: 'explicit', asn: 65001 },
      description: 'upstream',
      localAddress: '192.0.2.2',
      multihop: { enabled: true, ttl: 3 },
      passive: true,
      password: { kind: 'literal', value: 'pw' },
      bfd: { enabled: true, mode: 'graceful' },
      capabilities: { routeRefresh: false },
      ttlSecurityHops: 3,
    });
    expect(up.families!.map((f) => [f.family, f.activate, f.export?.chain[0]?.name, f.extendedNextHop])).toEqual([
      ['ipv4-unicast', true, 'out', true],
      ['ipv6-unicast', true, undefined, undefined],
    ]);
  });

  it('keeps per-family settings written at protocol level on the declared channels', () => {
    const ib = s.peers.find((p) => p.id === 'ib')!;
    expect(ib).toMatchObject({ localAddress: '10.0.0.1', remoteAs: { kind: 'internal' }, multihop: { enabled: false }, routeReflectorClusterId: '1.1.1.1' });
    expect(ib.families![0]).toMatchObject({ routeReflectorClient: true, allowAsIn: 'origin', nextHopSelf: 'keep' });
  });

  it('turns `neighbor range` into a listen range bound to a group, and a different local AS into localAs', () => {
    expect(s.listenRanges).toEqual([expect.objectContaining({ prefix: '10.1.0.0/24', group: 'dyn' })]);
    expect(s.peerGroups.find((g) => g.name === 'dyn')).toMatchObject({ remoteAs: { kind: 'external' }, localAs: { asn: 65005 } });
  });

  it('names unnamed protocols the way BIRD does', () => {
    expect(s.peers.filter((p) => !p.name).map((p) => p.id)).toEqual(['bgp1', 'bgp2']);
  });

  it('points origins and diagnostics at the source', () => {
    const up = s.peers.find((p) => p.id === 'up')!;
    expect(up.origin![0]).toMatchObject({ file: 'bird.conf', start: { line: 15, column: 1 } });
    expect(codes('protocol bgp x { local as 1; neighbor 10.0.0.1 as 2; connect delay time 3; ipv4 { import all; export all; secondary; }; }')).toEqual([
      'parse/unrecognized@1',
      'parse/unrecognized@1',
    ]);
  });
});

describe('BIRD reader: other protocols, defines, includes', () => {
  it('maps static blackhole routes to networks, direct to connected redistribution, bfd to profiles', () => {
    const s = speaker(`
protocol static { ipv4; route 10.0.0.0/8 blackhole; route 10.1.0.0/16 blackhole; }
protocol static { ipv4; route 0.0.0.0/0 via 192.0.2.1; }
protocol direct { ipv4; ipv6; interface "lo", "kube-lb0"; }
protocol bfd { interface "eth*" { interval 50 ms; multiplier 3; passive on; }; multihop { min rx interval 1 s; min tx interval 500 ms; idle tx interval 2 s; }; neighbor 10.0.0.1; }
protocol bgp a { local as 1; neighbor 10.0.0.1 as 2; bfd on; ipv4 { import all; export all; }; }
protocol bgp b { local 10.0.0.5 as 1; neighbor 10.9.0.1 as 2; multihop; bfd on; ipv4 { import all; export all; }; }
`);
    expect(s.networks.map((n) => n.prefix)).toEqual(['10.0.0.0/8', '10.1.0.0/16']);
    expect(s.raw.some((r) => r.text.includes('via 192.0.2.1'))).toBe(true);
    expect(s.redistribute.map((r) => [r.family, r.source, r.interfaces])).toEqual([
      ['ipv4-unicast', 'connected', ['lo', 'kube-lb0']],
      ['ipv6-unicast', 'connected', ['lo', 'kube-lb0']],
    ]);
    expect(s.bfdProfiles).toEqual([
      expect.objectContaining({ name: 'eth*', interfaces: ['eth*'], receiveIntervalUs: 50000, transmitIntervalUs: 50000, detectMultiplier: 3, passive: true }),
      expect.objectContaining({ name: 'multihop', multihop: true, receiveIntervalUs: 1000000, transmitIntervalUs: 500000, idleTransmitIntervalUs: 2000000 }),
    ]);
    expect(s.peers.map((p) => p.bfd?.profile)).toEqual(['eth*', 'multihop']);
  });

  it('substitutes defines and reads defined sets', () => {
    const s = speaker('define AS = 65000; define NETS = [ 10.0.0.0/8+, 192.168.0.0/16{24,28} ]; define C = [(1,2),(3,4)];\nprotocol bgp x { local as AS; neighbor 10.0.0.1 as AS; }');
    expect(s.asn).toBe(65000);
    expect(s.peers[0]!.remoteAs).toEqual({ kind: 'explicit', asn: 65000 });
    expect(s.policy.prefixSets[0]).toMatchObject({ name: 'NETS', family: 'ipv4', entries: [{ prefix: '10.0.0.0/8', ge: 8, le: 32 }, { prefix: '192.168.0.0/16', ge: 24, le: 28 }] });
    expect(s.policy.communitySets[0]).toMatchObject({ name: 'C', kind: 'standard', entries: [{ value: '1:2' }, { value: '3:4' }] });
  });

  it('reads includes through the loader, relative to the including file, with spans in the included file', () => {
    const files: Record<string, string> = { 'etc/vars.conf': 'define k8sipaddr = 192.168.56.21;\ninclude "peers.conf";\n', 'etc/peers.conf': 'protocol bgp p { local k8sipaddr as 64500; neighbor 192.168.56.100 as 64501; ipv4 { import none; export none; }; }\n' };
    const seen: string[] = [];
    const r = read('include "vars.conf";\nrouter id k8sipaddr;\n', 'bird', 'etc/bird.conf', {
      loadInclude: (path: string, from: SourceFile) => {
        const full = `${from.name.slice(0, from.name.lastIndexOf('/') + 1)}${path}`;
        seen.push(full);
        const text = files[full];
        return text === undefined ? { error: 'no such file' } : new SourceFile(full, text);
      },
    });
    expect(seen).toEqual(['etc/vars.conf', 'etc/peers.conf']);
    const s = r.doc.speakers[0]!;
    expect(s.routerId).toBe('192.168.56.21');
    expect(s.peers[0]).toMatchObject({ localAddress: '192.168.56.21', origin: [expect.objectContaining({ file: 'etc/peers.conf', start: expect.objectContaining({ line: 1 }) })] });
    expect(r.doc.sources.map((x) => x.file)).toEqual(['etc/vars.conf', 'etc/peers.conf', 'etc/bird.conf']);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('explains a missing include and the PureLB placeholder instead of failing', () => {
    const r = read('include "/usr/local/include/birdvars.conf";\nrouter id k8sipaddr;\n');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.span?.start.line])).toEqual([
      ['parse/unrecognized', 'warning', 1],
      ['parse/unrecognized', 'warning', 2],
    ]);
    expect(r.diagnostics[0]!.hint).toMatch(/PureLB/);
    expect(r.diagnostics[1]!.hint).toMatch(/node's IP address/);
    expect(r.doc.speakers[0]!.routerId).toBeUndefined();
  });
});

describe('BIRD reader: filters', () => {
  const pol = (body: string, extra = '') => speaker(`${extra}\nfilter f { ${body} }`).policy;

  it('translates the structured subset into statements', () => {
    const p = pol('if net ~ [ 10.0.0.0/8{8,24} ] && bgp_path.len > 3 then { bgp_local_pref = 200; bgp_community.add((65000, 1)); bgp_community.add((65000, 2)); bgp_path.prepend(65000); bgp_path.prepend(65000); accept; } if source ~ [ RTS_STATIC, RTS_DEVICE ] then accept; bgp_med = 10; reject;');
    expect(p.prefixSets).toEqual([expect.objectContaining({ name: 'f_set1', entries: [{ prefix: '10.0.0.0/8', ge: 8, le: 24 }] })]);
    const f = p.policies[0]!;
    expect(f.statements.map((s) => ({ c: s.conditions.map((c) => c.kind), a: s.actions.map((a) => a.kind), r: s.result }))).toEqual([
      { c: ['prefix-set', 'as-path-length'], a: ['set-local-pref', 'community', 'as-path-prepend'], r: 'accept' },
      { c: ['source-protocol'], a: [], r: 'accept' },
      { c: ['source-protocol'], a: [], r: 'accept' },
      { c: [], a: ['set-med'], r: 'reject' },
    ]);
    expect(f.statements[0]!.conditions[1]).toMatchObject({ op: 'ge', value: 4 });
    expect(f.statements[0]!.actions[1]).toMatchObject({ values: ['65000:1', '65000:2'] });
    expect(f.statements[0]!.actions[2]).toMatchObject({ asn: 65000, repeat: 2 });
    expect(f.defaultResult).toBeUndefined();
  });

  it('reads else branches, negations and community / path matches', () => {
    const p = pol('if !(net ~ [ 10.0.0.0/8+ ]) then reject; if (65000, 1) ~ bgp_community then accept; else { if bgp_path ~ [= * 65001 * =] then reject; } accept;');
    const f = p.policies[0]!;
    expect(f.statements.map((s) => s.conditions.map((c) => `${c.kind}${'options' in c && c.options ? `:${c.options}` : ''}`))).toEqual([['prefix-set:invert'], ['community-set'], ['as-path-set']]);
    expect(p.asPathSets[0]!.entries).toEqual([{ regex: '_65001_' }]);
    expect(f.defaultResult).toBe('accept');
  });

  it('inlines argument-less functions made of actions, keeps other conditions and actions raw', () => {
    const f = pol('if proto = "x" then { tag(); krt_metric = 5; accept; } reject;', 'function tag() { bgp_large_community.add((1, 2, 3)); }').policies[0]!;
    expect(f.statements[0]!.conditions).toEqual([expect.objectContaining({ kind: 'raw', raw: expect.objectContaining({ dialect: 'bird', text: 'proto = "x"' }) })]);
    expect(f.statements[0]!.actions.map((a) => a.kind)).toEqual(['community', 'raw']);
  });

  it('keeps programs outside the subset whole, as a raw BIRD policy, without a warning', () => {
    const r = read('function g(int a) { return a > 1; }\nfilter f { case net.len { 24: accept; else: reject; } }\nfilter h { if g(2) then accept; reject; }');
    const [f, h] = r.doc.speakers[0]!.policy.policies;
    expect(f!.statements).toEqual([]);
    expect(f!.raw![0]).toMatchObject({ dialect: 'bird', text: 'case net.len {\n  24: accept;\n  else: reject;\n}' });
    expect(h!.raw).toHaveLength(1);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads `where` and inline filters of channels as generated policies', () => {
    const s = speaker('protocol bgp p { local as 1; neighbor 10.0.0.1 as 2; ipv4 { import where net ~ [ 10.0.0.0/8+ ]; export filter { bgp_med = 5; accept; }; }; }');
    expect(s.policy.policies.map((p) => p.name)).toEqual(['p_ipv4_import', 'p_ipv4_export']);
    expect(s.peers[0]!.families![0]!.import!.chain).toEqual([{ kind: 'policy', name: 'p_ipv4_import' }]);
  });
});

describe('BIRD 1 reader', () => {
  it('takes the family from the daemon and reads protocol-level import/export', () => {
    const conf = 'router id 10.0.0.1;\nlisten bgp address 10.0.0.1 port 1790;\nprotocol bgp x { local as 1; neighbor 2001:db8::1 as 2; import all; export none; next hop self; gateway recursive; add paths on; }';
    const s = speaker(conf, 'bird1', 'bird6.cfg');
    expect(s.dialect).toEqual({ format: 'bird1' });
    expect(s.listen).toMatchObject({ addresses: ['10.0.0.1'], port: 1790 });
    expect(s.peers[0]!.families).toEqual([
      expect.objectContaining({ family: 'ipv6-unicast', activate: true, import: expect.objectContaining({ defaultAction: 'accept' }), nextHopSelf: 'force', gateway: 'recursive', addPath: { send: 'all', receive: true } }),
    ]);
    expect(speaker('protocol bgp x { local as 1; neighbor 10.0.0.2 as 2; }', 'bird1', 'bird.cfg').peers[0]!.families![0]!.family).toBe('ipv4-unicast');
  });
});
