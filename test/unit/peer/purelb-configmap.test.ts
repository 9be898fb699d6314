import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peer, type Input } from '../../../src/index.js';
import { checkFrr, daemonOrFail } from '../../support/daemons.js';

// `bgpc peer` for PureLB's routing-daemon ConfigMap: the daemon announces what PureLB puts on kube-lb0,
// i.e. the pools of the ServiceGroups; without them, what the daemon config exports by itself.
const root = join(import.meta.dirname, '../../..');
const read = (path: string): Input => ({ name: path, text: readFileSync(join(root, path), 'utf8') });
const configMap = read('test/fixtures/seeds/000/purelb-bird-configmap.yaml');
const serviceGroups = read('test/golden/peer/seed-000-purelb-to-frr/input.2.purelb.yaml');
const nodes: Input = { name: 'nodes.txt', text: 'k8s-m 192.168.56.10\nk8s-w1 192.168.56.11\n' };

const birdConfigMap = (bird: string): Input => ({
  name: 'bird-cm.yaml',
  text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bird-cm\n  namespace: router\ndata:\n  bird.conf: |-\n${bird
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`,
});

describe('bgpc peer: PureLB BIRD ConfigMap → router', () => {
  it('accepts the ServiceGroup pools at their aggregation lengths, one prefix set per IP version', () => {
    const r = peer([configMap, serviceGroups], { to: 'ir', address: '192.168.56.100', nodes });
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('peer/stub');
    const g = r.doc!.speakers[0]!;
    const sets = g.policy.prefixSets;
    expect(sets.map((s) => [s.name, s.family])).toEqual([
      ['configmap-bird-cm-bird-conf-pools', 'ipv4'],
      ['configmap-bird-cm-bird-conf-pools6', 'ipv6'],
    ]);
    expect(sets[0]!.entries.map((e) => [e.prefix, e.ge, e.le])).toEqual([
      ['172.30.200.155/32', undefined, undefined],
      ['172.30.200.156/30', 32, 32],
      ['172.30.200.160/32', undefined, undefined],
    ]);
    expect(sets[1]!.entries.every((e) => e.prefix.startsWith('2001:470:8bf5:2:2::') && (e.prefix.endsWith('/128') || e.ge === 128))).toBe(true);
    expect(g.peerGroups[0]!.families?.[0]?.import?.chain).toEqual([{ kind: 'policy', name: 'configmap-bird-cm-bird-conf-in' }]);
  });

  it('keeps the stub, and says so, when only the ConfigMap is given and it exports no prefix of its own', () => {
    const r = peer([configMap], { to: 'ir', address: '192.168.56.100', nodes });
    expect(r.diagnostics.map((d) => d.code)).toContain('peer/stub');
    expect(r.doc!.speakers[0]!.policy.prefixSets).toEqual([]);
  });

  const own = birdConfigMap(`
protocol direct { ipv4; interface "kube-lb0"; }
protocol static { ipv4; route 203.0.113.0/24 blackhole; }
filter out4 {
  if net ~ [ 198.51.100.0/24{32,32} ] then accept;
  if source = RTS_STATIC then accept;
  reject;
}
protocol bgp uplink {
  local as 64500;
  neighbor 192.168.56.100 as 64501;
  ipv4 { import none; export filter out4; };
}
`);

  it('without ServiceGroups, accepts what the BIRD config exports by itself (static routes, export filter prefixes)', () => {
    const r = peer([own], { to: 'ir', nodes });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('peer/stub');
    expect(r.doc!.speakers[0]!.policy.prefixSets[0]!.entries.map((e) => [e.prefix, e.ge, e.le])).toEqual([
      ['203.0.113.0/24', undefined, undefined],
      ['198.51.100.0/24', 32, 32],
    ]);
  });

  it.skipIf(!daemonOrFail('vtysh'))('FRR accepts the generated router configs', () => {
    for (const inputs of [[configMap, serviceGroups], [own]]) {
      const r = peer(inputs, { to: 'frr', address: '192.168.56.100', nodes });
      expect(r.ok, r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')).toBe(true);
      expect(r.output).toContain('route-map configmap-bird-cm-bird-conf-in permit 10');
      const c = checkFrr(r.output!);
      expect(c.ok, c.output).toBe(true);
    }
  });
});
