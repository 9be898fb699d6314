/**
 * Seeds live (issue 9): each seed's cluster side runs as the daemon its
 * project runs (PureLB → BIRD, Calico → BIRD, Cilium → GoBGP, MetalLB → FRR),
 * with the config `bgpc convert --node NAME` writes for each node, against
 * the router config `bgpc peer` writes from the same resources. The router
 * must see every node's session established and receive the pool prefixes
 * the nodes announce; BFD must come up where the seed uses it.
 *
 * Addresses are the seeds' own; they exist only inside the namespaces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert, peer, type Diagnostic, type Input } from '../../src/index.js';
import { checkBird, checkFrr, checkGobgp } from '../support/daemons.js';
import { Lab, labOrFail, pool, type Host } from './lab.js';
import { recordResult } from './results.js';

const live = labOrFail();
const root = join(import.meta.dirname, '../..');
const read = (path: string): Input => ({ name: path, text: readFileSync(join(root, path), 'utf8') });

type Daemon = 'frr' | 'bird' | 'gobgp';

interface Node {
  name: string;
  ip: string;
  labels?: string;
}

interface SeedCase {
  seed: string;
  title: string;
  inputs: string[];
  nodes: Node[];
  /** The daemon the project runs on each node, and the format bgpc writes for it. */
  cluster: { daemon: Daemon; format: string };
  router: { daemon: Daemon; format: string; address: string; options?: { address?: string; peerAddress?: string } };
  /** The cluster side is a daemon config already (loxilb's GoBGP file): converted as it is, no node to choose. */
  noNode?: boolean;
  lbAddresses?: string[];
  bfd?: boolean;
  /** Namespaces and links: the router and one host per node (same order as `nodes`). */
  wire: (lab: Lab, router: Host, nodes: Host[]) => void;
  /** Before a node's daemon starts (e.g. PureLB's kube-lb0 addresses). */
  beforeNode?: (h: Host, node: Node, i: number) => void;
  /** After a node's daemon started (e.g. Cilium's LB route, which gobgpd cannot take from its config). */
  afterNode?: (h: Host, node: Node, i: number) => Promise<void>;
  /** What the router must receive; `undefined` when the seed gives bgpc no pool (the reason). */
  prefixes: string[] | { none: string; code: string };
  frrArgs?: { node?: string[] };
  /** The router's FRR needs zebra (an iBGP peer a routed hop away). */
  zebra?: boolean;
}

const prefix24 = (ip: string) => `${ip}/24`;

const cases: SeedCase[] = [
  {
    seed: '000',
    title: 'PureLB (BIRD) ↔ FRR router',
    // The BIRD ConfigMap and the write-up's ServiceGroups (whose pools bgpc peer accepts on the router).
    inputs: ['test/fixtures/seeds/000/purelb-bird-configmap.yaml', 'test/golden/peer/seed-000-purelb-to-frr/input.2.purelb.yaml'],
    nodes: [
      { name: 'k8s-m', ip: '192.168.56.10' },
      { name: 'k8s-w1', ip: '192.168.56.11' },
    ],
    cluster: { daemon: 'bird', format: 'bird' },
    router: { daemon: 'frr', format: 'frr', address: '192.168.56.100', options: { address: '192.168.56.100' } },
    wire: (lab, r, ns) => lab.segment(r, ['192.168.56.100/24'], ns.map((h, i) => [h, [prefix24(['192.168.56.10', '192.168.56.11'][i]!)]])),
    // PureLB puts the Services' addresses on kube-lb0; BIRD's direct protocol exports them.
    beforeNode: (h, _n, i) => h.dummy('kube-lb0', [`172.30.200.${155 + i}/32`]),
    prefixes: ['172.30.200.155/32', '172.30.200.156/32'],
  },
  {
    seed: '000+bfd',
    title: 'PureLB (BIRD) with BFD ↔ FRR router',
    // The write-up's later step: BFD on the BIRD side (merged into the ConfigMap as it instructs).
    inputs: ['test/interop/seeds/000-purelb-bird-bfd-configmap.yaml'],
    nodes: [
      { name: 'k8s-m', ip: '192.168.56.10' },
      { name: 'k8s-w1', ip: '192.168.56.11' },
    ],
    cluster: { daemon: 'bird', format: 'bird' },
    router: { daemon: 'frr', format: 'frr', address: '192.168.56.100', options: { address: '192.168.56.100' } },
    bfd: true,
    // BIRD's BFD options apply to interfaces "enp0s*": the nodes' links carry the write-up's name.
    wire: (lab, r, ns) => lab.segment(r, ['192.168.56.100/24'], ns.map((h, i) => [h, [prefix24(['192.168.56.10', '192.168.56.11'][i]!)], 'enp0s8'])),
    beforeNode: (h, _n, i) => h.dummy('kube-lb0', [`172.30.200.${155 + i}/32`]),
    // The ConfigMap alone names no pool, and its BIRD exports no prefix of its own: the router's
    // import policy is a stub, and bgpc says so.
    prefixes: { none: 'the router import policy is a stub (bgpc peer: peer/stub)', code: 'peer/stub' },
  },
  {
    seed: '001',
    title: 'Calico (BIRD) ↔ loxilb (GoBGP)',
    inputs: ['test/golden/peer/seed-001-calico-to-gobgp/input.calico.yaml'],
    nodes: [{ name: 'calico-node', ip: '192.168.57.101' }],
    cluster: { daemon: 'bird', format: 'bird' },
    router: { daemon: 'gobgp', format: 'gobgp', address: '192.168.57.4' },
    wire: (lab, r, ns) => lab.segment(r, ['192.168.57.4/24'], [[ns[0]!, ['192.168.57.101/24']]]),
    // Calico announces the pod blocks IPAM hands out: only the running cluster knows them.
    prefixes: { none: 'Calico announces pod CIDRs, known only at run time (cluster/runtime-value)', code: 'cluster/runtime-value' },
  },
  {
    seed: '001+loxilb',
    title: 'loxilb (GoBGP) ↔ Calico node (BIRD)',
    // The other direction of seed 001: loxilb's own GoBGP file (bgpc convert --to gobgp) against the
    // Calico node's side that bgpc peer writes from it (--address 192.168.57.101 --peer-address 192.168.57.4).
    inputs: ['test/fixtures/seeds/001/loxilb.gobgp.yaml'],
    nodes: [{ name: 'loxilb', ip: '192.168.57.4' }],
    noNode: true,
    cluster: { daemon: 'gobgp', format: 'gobgp' },
    router: { daemon: 'bird', format: 'bird', address: '192.168.57.101', options: { address: '192.168.57.101', peerAddress: '192.168.57.4' } },
    wire: (lab, r, ns) => lab.segment(r, ['192.168.57.101/24'], [[ns[0]!, ['192.168.57.4/24']]]),
    // loxilb announces the Service's external IP (the write-up's nginx-service) through gobgpd's API.
    afterNode: async (h) => {
      const ok = await h.lab.waitFor(async () => /Established|Active|Idle|Connect/.test(await h.gobgp(['neighbor'])), 10_000, 200);
      expect(ok).toBe(true);
      await h.gobgp(['global', 'rib', 'add', '-a', 'ipv4', '123.123.123.15/32']);
    },
    prefixes: ['123.123.123.15/32'],
  },
  {
    seed: '002',
    title: 'Cilium (GoBGP) ↔ FRR router',
    inputs: ['test/golden/peer/seed-002-cilium-to-frr/input.cilium.yaml'],
    nodes: [
      { name: 'k8s-w1', ip: '192.168.60.100', labels: 'enable-bgp=true' },
      { name: 'k8s-w2', ip: '192.168.60.101', labels: 'enable-bgp=true' },
      { name: 'k8s-w0', ip: '192.168.160.100', labels: 'enable-bgp=true' },
    ],
    cluster: { daemon: 'gobgp', format: 'gobgp' },
    router: { daemon: 'frr', format: 'frr', address: '192.168.60.200' },
    lbAddresses: ['172.16.1.10'],
    wire: (lab, r, ns) => {
      lab.segment(r, ['192.168.60.200/24'], [
        [ns[0]!, ['192.168.60.100/24']],
        [ns[1]!, ['192.168.60.101/24']],
      ]);
      // k8s-w0 sits in another subnet, one routed hop away (Cilium peers with multihop 2).
      lab.link(r, ns[2]!, ['192.168.160.1/24'], ['192.168.160.100/24']);
      ns[2]!.route('192.168.60.0/24', '192.168.160.1');
    },
    // Cilium announces a Service's LB address from every selected node once the Service has one: here, by hand.
    afterNode: async (h) => {
      const ok = await h.lab.waitFor(async () => /Established|Active|Idle|Connect/.test(await h.gobgp(['neighbor'])), 10_000, 200);
      expect(ok).toBe(true);
      await h.gobgp(['global', 'rib', 'add', '-a', 'ipv4', '172.16.1.10/32']);
    },
    prefixes: ['172.16.1.10/32'],
  },
  {
    seed: '003',
    title: 'MetalLB (FRR) with BFD ↔ FRR router',
    inputs: ['test/golden/peer/seed-003-metallb-bfd-to-frr/input.metallb.yaml'],
    nodes: [
      { name: 'kind-control-plane', ip: '172.18.0.2' },
      { name: 'kind-worker', ip: '172.18.0.3' },
    ],
    cluster: { daemon: 'frr', format: 'frr' },
    router: { daemon: 'frr', format: 'frr', address: '10.0.2.3', options: { address: '10.0.2.3' } },
    lbAddresses: ['203.0.113.200'],
    bfd: true,
    zebra: true,
    wire: (lab, r, ns) => {
      // kind's nodes on their bridge, the router one routed hop away: both ends see a multihop BFD session.
      const gw = lab.host('gw');
      gw.forward();
      lab.link(r, gw, ['10.0.2.3/24'], ['10.0.2.1/24']);
      lab.segment(gw, ['172.18.0.1/16'], ns.map((h, i) => [h, [`172.18.0.${2 + i}/16`]]));
      r.route('172.18.0.0/16', '10.0.2.1');
      for (const h of ns) h.route('10.0.2.0/24', '172.18.0.1');
    },
    // MetalLB's bgpd does not listen (-p 0): the nodes connect, the router (passive) accepts.
    frrArgs: { node: ['-p', '0'] },
    prefixes: ['203.0.113.200/32'],
  },
  {
    seed: '004',
    title: 'MetalLB (FRR) ↔ FRR router, iBGP',
    inputs: ['test/fixtures/seeds/004/metallb.yaml'],
    nodes: [
      { name: 'master-0', ip: '192.168.7.13' },
      { name: 'master-1', ip: '192.168.7.16' },
    ],
    cluster: { daemon: 'frr', format: 'frr' },
    router: { daemon: 'frr', format: 'frr', address: '192.168.7.10' },
    lbAddresses: ['198.51.100.1'],
    wire: (lab, r, ns) => lab.segment(r, ['192.168.7.10/24'], ns.map((h, i) => [h, [`${['192.168.7.13', '192.168.7.16'][i]}/24`]])),
    frrArgs: { node: ['-p', '0'] },
    prefixes: ['198.51.100.1/32'],
  },
];

function check(daemon: Daemon, text: string): { ok: boolean; output: string } {
  if (daemon === 'frr') return checkFrr(text);
  if (daemon === 'bird') return checkBird(text);
  return checkGobgp(text, 'toml');
}

const warnings = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'warning').map((d) => `${d.code}: ${d.message}`);

interface Generated {
  router: ReturnType<typeof peer>;
  nodes: ReturnType<typeof convert>[];
}

function generate(c: SeedCase): Generated {
  const inputs = c.inputs.map(read);
  const nodes: Input = { name: 'nodes.txt', text: c.nodes.map((n) => `${n.name} ${n.ip}${n.labels ? ` ${n.labels}` : ''}`).join('\n') };
  return {
    router: peer(inputs, { to: c.router.format, nodes, ...(c.router.options ?? {}) }),
    nodes: c.nodes.map((n) =>
      c.noNode ? convert(inputs, { to: c.cluster.format }) : convert(inputs, { to: c.cluster.format, node: n.name, nodes, ...(c.lbAddresses ? { lbAddresses: c.lbAddresses } : {}) }),
    ),
  };
}

async function start(h: Host, daemon: Daemon, config: string, opts: { bfd?: boolean; zebra?: boolean; args?: string[] }): Promise<void> {
  if (daemon === 'frr') await h.startFrr(config, { bfd: opts.bfd, zebra: opts.zebra, bgpdArgs: opts.args });
  else if (daemon === 'bird') h.startBird(config);
  else h.startGobgp(config, 'toml');
}

interface Outcome {
  sessions: Record<string, string>;
  prefixes: string[];
  bfd: Record<string, string>;
  /** Each node's BFD state towards the router. */
  nodeBfd: (string | undefined)[];
  /** Per node: what its daemon exports (BIRD) or originates (GoBGP), for the cases where the router accepts nothing. */
  announced: string[];
  debug: string;
}

async function run(c: SeedCase, g: Generated): Promise<Outcome> {
  const lab = new Lab();
  try {
    const r = lab.host('router');
    const ns = c.nodes.map((n) => lab.host(n.name.replace(/[^a-z0-9]/gi, '').slice(0, 8)));
    c.wire(lab, r, ns);
    // The router: bgpd alone, unless BFD or an iBGP peer a routed hop away needs zebra. The nodes
    // run zebra as MetalLB's FRR container does: their config names no router ID, bgpd takes it
    // from zebra's interface addresses.
    await start(r, c.router.daemon, g.router.output!, { bfd: c.bfd, zebra: c.zebra });
    for (const [i, h] of ns.entries()) {
      c.beforeNode?.(h, c.nodes[i]!, i);
      await start(h, c.cluster.daemon, g.nodes[i]!.output!, { bfd: c.bfd, zebra: true, args: c.frrArgs?.node });
    }
    for (const [i, h] of ns.entries()) await c.afterNode?.(h, c.nodes[i]!, i);
    const want = Array.isArray(c.prefixes) ? c.prefixes : [];
    await lab.waitFor(async () => {
      const s = await r.sessions();
      if (!c.nodes.every((n) => s[n.ip] === 'established')) return false;
      const got = (await r.routes()).map((x) => x.prefix);
      if (!want.every((p) => got.includes(p))) return false;
      if (c.bfd) {
        const b = await r.bfd();
        if (!c.nodes.every((n) => b[n.ip] === 'up')) return false;
        for (const h of ns) if ((await h.bfd())[c.router.address] !== 'up') return false;
      }
      return true;
    }, 60_000, 1000);
    const announced: string[] = [];
    if (!Array.isArray(c.prefixes)) {
      for (const h of ns) {
        if (c.cluster.daemon === 'bird') {
          for (const m of (await h.birdc('show route')).matchAll(/^(\d+\.\d+\.\d+\.\d+\/\d+)\s/gm)) announced.push(m[1]!);
        }
      }
    }
    return {
      sessions: await r.sessions(),
      prefixes: (await r.routes()).map((x) => x.prefix).sort(),
      bfd: c.bfd ? await r.bfd() : {},
      nodeBfd: c.bfd ? await Promise.all(ns.map(async (h) => (await h.bfd())[c.router.address])) : [],
      announced: [...new Set(announced)].sort(),
      debug: [await view(r, c.router.daemon), ...(await Promise.all(ns.map((h) => view(h, c.cluster.daemon))))].join('\n----\n'),
    };
  } finally {
    lab.destroy();
  }
}

async function view(h: Host, daemon: Daemon): Promise<string> {
  if (daemon === 'frr') return `${h.name}: ${await h.vtysh('show bgp summary')}\n${await h.vtysh('show bgp ipv4 unicast')}\n${h.log('bgpd')}`;
  if (daemon === 'bird') return `${h.name}: ${await h.birdc('show protocols all')}\n${await h.birdc('show route')}\n${h.log('bird')}`;
  return `${h.name}: ${await h.gobgp(['neighbor'])}\n${await h.gobgp(['global', 'rib'])}\n${h.log('gobgpd')}`;
}

const queue = pool(Number(process.env['INTEROP_PARALLEL'] ?? 8));

/** INTEROP_SEEDS=000,002 runs a subset while working on one (the report needs them all). */
const only = process.env['INTEROP_SEEDS']?.split(',');
const selected = cases.filter((c) => !only || only.includes(c.seed));

describe.skipIf(!live)('seeds live', () => {
  const started = Date.now();
  const generated = new Map<string, Generated>();
  const runs = new Map<string, Promise<Outcome | Error>>();
  beforeAll(() => {
    for (const c of selected) {
      const g = generate(c);
      generated.set(c.seed, g);
      if (g.router.output && g.nodes.every((n) => n.output)) runs.set(c.seed, queue(() => run(c, g).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
    }
  });
  afterAll(() => {
    recordResult.time('seeds', (Date.now() - started) / 1000);
    recordResult.flush();
  });

  for (const c of selected) {
    it(`seed ${c.seed}: ${c.title}`, async () => {
      const g = generated.get(c.seed)!;
      expect(g.router.ok, g.router.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')).toBe(true);
      const accepted = check(c.router.daemon, g.router.output!);
      expect(accepted.ok, `${accepted.output}\n${g.router.output}`).toBe(true);
      for (const [i, n] of g.nodes.entries()) {
        expect(n.ok, n.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')).toBe(true);
        const ok = check(c.cluster.daemon, n.output!);
        expect(ok.ok, `${c.nodes[i]!.name}: ${ok.output}\n${n.output}`).toBe(true);
      }
      const r = await runs.get(c.seed)!;
      if (r instanceof Error) throw r;
      const configs = `router:\n${g.router.output}\n${g.nodes.map((n, i) => `${c.nodes[i]!.name}:\n${n.output}`).join('\n')}\n${r.debug}`;
      for (const n of c.nodes) expect(r.sessions[n.ip], `${n.name}\n${configs}`).toBe('established');
      if (Array.isArray(c.prefixes)) {
        expect(r.prefixes, configs).toEqual([...c.prefixes].sort());
      } else {
        // No pool bgpc can see: the router receives nothing, and bgpc reported why.
        expect(r.prefixes, configs).toEqual([]);
        const all = [...g.router.diagnostics, ...g.nodes.flatMap((n) => n.diagnostics)];
        expect(all.some((d) => d.code === (c.prefixes as { code: string }).code), all.map((d) => d.code).join(', ')).toBe(true);
      }
      if (c.bfd) {
        for (const n of c.nodes) expect(r.bfd[n.ip], configs).toBe('up');
        expect(r.nodeBfd, configs).toEqual(c.nodes.map(() => 'up'));
      }
      recordResult.seed({
        seed: c.seed,
        cluster: `${c.title.split(' ↔ ')[0]} × ${c.nodes.length} node${c.nodes.length > 1 ? 's' : ''}`,
        router: `${c.router.daemon} (bgpc peer)`,
        sessions: c.nodes.length,
        prefixes: Array.isArray(c.prefixes) ? c.prefixes : [`none: ${c.prefixes.none}${r.announced.length ? `; the nodes export ${r.announced.join(', ')}` : ''}`],
        bfd: Boolean(c.bfd),
        losses: [...warnings(g.router.diagnostics).map((m) => `router: ${m}`), ...g.nodes.flatMap((n, i) => warnings(n.diagnostics).map((m) => `${c.nodes[i]!.name}: ${m}`))],
      });
    }, 240_000);
  }
});
