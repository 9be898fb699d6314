import { describe, expect, it } from 'vitest';
import { emitGobgp } from '../../../src/emit/gobgp/index.js';
import { parseGobgp, type GobgpEncoding } from '../../../src/parse/gobgp/index.js';
import { scanToml } from '../../../src/parse/gobgp/toml-spans.js';
import { detectFormat } from '../../../src/parse/detect.js';
import { SourceFile } from '../../../src/source.js';

function parse(text: string, enc: GobgpEncoding = 'toml', name = `t.${enc}`) {
  return parseGobgp(new SourceFile(name, text), enc);
}

const where = (d: { span?: { start: { line: number; column: number } } }) => `${d.span?.start.line}:${d.span?.start.column}`;

describe('GoBGP reader', () => {
  it('maps global, neighbors and their settings', () => {
    const r = parse(`
[global.config]
  as = 65000
  router-id = "10.0.0.1"
  port = -1
[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.2"
    peer-as = 65001
    auth-password = "pw"
  [neighbors.timers.config]
    hold-time = 9
  [neighbors.transport.config]
    passive-mode = true
    remote-port = 1179
  [neighbors.ebgp-multihop.config]
    enabled = true
[[neighbors]]
  [neighbors.config]
    neighbor-interface = "eth0"
    peer-as = 65002
`);
    expect(r.diagnostics).toEqual([]);
    const s = r.doc.speakers[0]!;
    expect(s.asn).toBe(65000);
    expect(s.listen?.enabled).toBe(false);
    const [a, b] = s.peers;
    expect(a).toMatchObject({
      id: '10.0.0.2',
      remoteAs: { kind: 'explicit', asn: 65001 },
      password: { kind: 'literal', value: 'pw' },
      timers: { holdTime: 9 },
      passive: true,
      port: 1179,
      multihop: { enabled: true },
    });
    expect(a!.multihop!.ttl).toBeUndefined();
    expect(a!.timers!.keepalive).toBeUndefined();
    expect(b).toMatchObject({ id: 'eth0', interface: 'eth0' });
    expect(a!.origin?.[0]?.start.line).toBe(6);
  });

  it('reads values the way gobgpd does (weak typing)', () => {
    const r = parse(
      `global:\n  config:\n    as: "65000"\nneighbors:\n  config:\n    neighbor-address: 10.0.0.2\n    peer-as: "65001"\n  transport:\n    config:\n      passive-mode: "true"\ndefined-sets:\n  neighbor-sets:\n    neighbor-set-name: n\n    neighbor-info-list: 10.0.0.2,10.0.0.3\n`,
      'yaml',
    );
    expect(r.diagnostics).toEqual([]);
    const s = r.doc.speakers[0]!;
    expect(s.asn).toBe(65000);
    expect(s.peers[0]).toMatchObject({ remoteAs: { kind: 'explicit', asn: 65001 }, passive: true });
    expect(s.policy.neighborSets[0]!.addresses).toEqual(['10.0.0.2', '10.0.0.3']);
  });

  it('reports an unknown TOML key at the key, keeps it raw and writes it back', () => {
    const text = `[global.config]\n  as = 1\n[[neighbors]]\n  [neighbors.config]\n    neighbor-address = "10.0.0.2"\n[[neighbors]]\n  [neighbors.config]\n    neighbor-address = "10.0.0.3"\n    bogus-key = 7\n`;
    const r = parse(text);
    expect(r.diagnostics.map((d) => [d.code, where(d)])).toEqual([['parse/unrecognized', '9:5']]);
    expect(r.doc.speakers[0]!.peers[1]!.raw).toEqual([
      expect.objectContaining({ dialect: 'gobgp', text: '7', context: ['config', 'bogus-key'] }),
    ]);
    expect(emitGobgp(r.doc, 'toml').text).toContain('bogus-key = 7');
  });

  it('reports an unknown YAML / JSON key exactly at the key', () => {
    const y = parse('global:\n  config:\n    as: 1\n    colour: blue\n', 'yaml');
    expect(y.diagnostics.map((d) => [d.code, where(d)])).toEqual([['parse/unrecognized', '4:5']]);
    const j = parse('{\n  "global": {\n    "config": { "as": 1 },\n    "nope": {}\n  }\n}\n', 'json');
    expect(j.diagnostics.map((d) => [d.code, where(d)])).toEqual([['parse/unrecognized', '4:5']]);
  });

  it('gives TOML spans for keys and headers inside lists of tables', () => {
    const text = `[[neighbors]]\n  [neighbors.config]\n    peer-as = 1\n[[neighbors]]\n  [neighbors.config]\n    peer-as = 2\n  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = "x"\n  [[neighbors.afi-safis]]\n    [neighbors.afi-safis.config]\n      afi-safi-name = "y"\n`;
    const spans = scanToml(text);
    const line = (path: (string | number)[]) => new SourceFile('x', text).position(spans.find(path)[0]).line;
    expect(line(['neighbors', 1, 'config', 'peer-as'])).toBe(6);
    expect(line(['neighbors', 1, 'afi-safis', 1])).toBe(10);
    expect(line(['neighbors', 1, 'afi-safis', 1, 'config', 'afi-safi-name'])).toBe(12);
    expect(line(['neighbors', 0, 'config', 'nothing-here'])).toBe(2);
  });

  it('keeps zebra, bmp, rpki and mrt sections raw (parse/ignored) and writes them back', () => {
    const r = parse(
      `[global.config]\n  as = 1\n[zebra.config]\n  enabled = true\n  version = 6\n[[rpki-servers]]\n  [rpki-servers.config]\n    address = "10.0.0.9"\n`,
    );
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['parse/ignored', 'info'],
      ['parse/ignored', 'info'],
    ]);
    const out = emitGobgp(r.doc, 'toml').text;
    expect(out).toContain('[zebra.config]');
    expect(out).toContain('address = "10.0.0.9"');
  });

  it('reports syntax errors and wrong types without throwing', () => {
    const t = parse('[global.config]\n  as = 1\n  router-id = "1.2.3.4\n');
    expect(t.diagnostics.map((d) => [d.code, where(d)])).toEqual([['parse/syntax', '3:23']]);
    const y = parse('global: [1, 2', 'yaml');
    expect(y.diagnostics[0]!.code).toBe('parse/syntax');
    const v = parse('[global.config]\n  as = "many"\n  router-id = "1.2.3.4"\n');
    expect(v.diagnostics.map((d) => [d.code, where(d)])).toEqual([['parse/invalid', '2:3']]);
    expect(v.doc.speakers[0]!.routerId).toBe('1.2.3.4');
    expect(parse('42', 'json').diagnostics[0]!.code).toBe('parse/invalid');
  });

  it('maps graceful restart: per-neighbor, and full restart only when every family has it', () => {
    const r = parse(`[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.2"
  [neighbors.graceful-restart.config]
    enabled = true
    restart-time = 120
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
    [neighbors.afi-safis.mp-graceful-restart.config]
      enabled = true
  [[neighbors.afi-safis]]
    [neighbors.afi-safis.config]
      afi-safi-name = "ipv6-unicast"
`);
    const p = r.doc.speakers[0]!.peers[0]!;
    expect(p.gracefulRestart).toMatchObject({ enabled: true, mode: 'helper-only', restartTime: 120 });
    expect(r.diagnostics.map((d) => [d.code, where(d)])).toEqual([['parse/unrecognized', '10:5']]);
    expect(p.families!.map((f) => f.family)).toEqual(['ipv4-unicast', 'ipv6-unicast']);
  });

  it('puts neighbor-level route-reflector-client and add-paths on the by-address families', () => {
    const r = parse(`[[neighbors]]
  [neighbors.config]
    neighbor-address = "fd00::2"
  [neighbors.route-reflector.config]
    route-reflector-client = true
  [neighbors.add-paths.config]
    send-max = 8
`);
    expect(r.doc.speakers[0]!.peers[0]!.families).toEqual([
      { family: 'ipv6-unicast', activate: true, routeReflectorClient: true, addPath: { send: 8 } },
    ]);
  });

  it("gives a member without afi-safis its peer group's families, as gobgpd does", () => {
    const text = `[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.2"
    peer-group = "g"
  [neighbors.add-paths.config]
    receive = true
[[peer-groups]]
  [peer-groups.config]
    peer-group-name = "g"
    peer-as = 65001
  [[peer-groups.afi-safis]]
    [peer-groups.afi-safis.config]
      afi-safi-name = "ipv4-unicast"
  [[peer-groups.afi-safis]]
    [peer-groups.afi-safis.config]
      afi-safi-name = "l2vpn-evpn"
`;
    const r = parse(text);
    expect(r.doc.speakers[0]!.peers[0]!.families!.map((f) => f.family)).toEqual(['ipv4-unicast', 'l2vpn-evpn']);
    const out = emitGobgp(r.doc, 'toml').text;
    expect(out.match(/afi-safi-name/g)).toHaveLength(2);
    expect(out).toContain('[neighbors.add-paths.config]');
  });

  it('re-homes global policies that only match neighbor-sets into per-peer chains', () => {
    const r = parse(`[global.apply-policy.config]
  import-policy-list = ["p1"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.2"
[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.3"
[[defined-sets.neighbor-sets]]
  neighbor-set-name = "ns"
  neighbor-info-list = ["10.0.0.2"]
[[policy-definitions]]
  name = "p1"
  [[policy-definitions.statements]]
    [policy-definitions.statements.conditions.match-neighbor-set]
      neighbor-set = "ns"
    [policy-definitions.statements.actions.bgp-actions]
      set-local-pref = 50
  [[policy-definitions.statements]]
    [policy-definitions.statements.conditions.match-neighbor-set]
      neighbor-set = "ns"
    [policy-definitions.statements.actions]
      route-disposition = "reject-route"
`);
    const s = r.doc.speakers[0]!;
    expect(s.globalPolicy).toBeUndefined();
    expect(s.peers[0]!.families![0]!.import).toMatchObject({ chain: [{ kind: 'policy', name: 'p1' }], defaultAction: 'reject' });
    expect(s.peers[1]!.families).toBeUndefined();
    expect(s.policy.policies[0]!.statements).toEqual([
      expect.objectContaining({
        conditions: [],
        actions: [expect.objectContaining({ kind: 'set-local-pref', value: 50 })],
        result: 'continue',
      }),
    ]);
    // and back: the same global policy, matched on the same neighbor-set
    const out = emitGobgp(r.doc, 'toml').text;
    expect(out).toContain('import-policy-list = ["p1"]');
    expect(out).toContain('neighbor-set = "ns"');
    expect(out.match(/route-disposition = "reject-route"/g)).toHaveLength(1);
  });

  it('leaves a global policy alone when one statement does not match a neighbor-set', () => {
    const r = parse(`[global.apply-policy.config]
  import-policy-list = ["p1"]
[[neighbors]]
  [neighbors.config]
    neighbor-address = "10.0.0.2"
[[defined-sets.neighbor-sets]]
  neighbor-set-name = "ns"
  neighbor-info-list = ["10.0.0.2"]
[[policy-definitions]]
  name = "p1"
  [[policy-definitions.statements]]
    [policy-definitions.statements.conditions.match-neighbor-set]
      neighbor-set = "ns"
  [[policy-definitions.statements]]
    [policy-definitions.statements.actions]
      route-disposition = "reject-route"
`);
    const s = r.doc.speakers[0]!;
    expect(s.globalPolicy?.import?.chain).toEqual([{ kind: 'policy', name: 'p1' }]);
    expect(s.peers[0]!.families).toBeUndefined();
  });

  it('keeps a neighbor without address raw, appended after the mapped ones', () => {
    const r = parse(`[[neighbors]]\n  [neighbors.config]\n    peer-as = 1\n[[neighbors]]\n  [neighbors.config]\n    neighbor-address = "10.0.0.2"\n`);
    expect(r.diagnostics.map((d) => [d.code, where(d)])).toEqual([['parse/invalid', '1:1']]);
    const s = r.doc.speakers[0]!;
    expect(s.peers.map((p) => p.id)).toEqual(['10.0.0.2']);
    expect(s.raw[0]).toMatchObject({ context: ['neighbors', '+'] });
    const out = emitGobgp(r.doc, 'json').text;
    expect((JSON.parse(out) as { neighbors: unknown[] }).neighbors).toEqual([
      { config: { 'neighbor-address': '10.0.0.2' } },
      { config: { 'peer-as': 1 } },
    ]);
  });

  it('is detected by content', () => {
    expect(detectFormat(new SourceFile('x', '[global.config]\n  as = 1\n'))).toBe('gobgp');
    expect(detectFormat(new SourceFile('x', 'global:\n  config:\n    as: 1\n'))).toBe('gobgp-yaml');
    expect(detectFormat(new SourceFile('x', '{"global": {"config": {"as": 1}}}'))).toBe('gobgp-json');
  });
});
