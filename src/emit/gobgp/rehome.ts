/**
 * Writing GoBGP: per-peer (and per-family) import/export chains become global
 * policies whose statements match a neighbor-set of the peers sharing the
 * chain. Outside route-server mode gobgpd applies only the global
 * apply-policy, and a neighbor-set condition matches the peer whose routes
 * are being imported or exported, so this is exact under the conditions
 * docs/formats/gobgp.md ("Policy re-homing") lists; every departure is
 * reported `emit/not-rendered`, every exact re-homing `emit/lowered`.
 */
import type { Sink } from '../../diagnostics/diagnostic.js';
import type { Condition, Family, NeighborSet, Policy, PolicyChain, Speaker, Statement } from '../../ir/schema.js';
import { isEbgp } from '../../ir/resolve.js';
import type { Span } from '../../source.js';

export type Direction = 'import' | 'export';

export interface GlobalChain {
  list: string[];
  defaultAction: 'accept' | 'reject';
  /** Whether the default must be written (it differs from gobgpd's accept-route, or the source wrote it). */
  origin?: Span[] | undefined;
}

export interface RehomeResult {
  /** New policies (re-homed copies), in order. */
  policies: Policy[];
  /** New neighbor-sets. */
  neighborSets: NeighborSet[];
  /** Names of IR policies not to write as they are (only used through re-homed chains, or replaced by a copy of the same name). */
  skip: Set<string>;
  global: Partial<Record<Direction, GlobalChain>>;
}

interface Unit {
  key: string;
  address: string | undefined;
  isPrefix: boolean;
  family: Family;
  allFamilies: Family[];
  chain: PolicyChain;
  origin: Span[] | undefined;
  label: string;
  /** Export only: the peer's next-hop setting, written as a first statement. */
  nextHop?: 'self' | 'unchanged' | undefined;
}

interface Group {
  sig: string;
  chain: PolicyChain;
  nextHop: 'self' | 'unchanged' | undefined;
  family: Family | undefined;
  isPrefix: boolean;
  units: Unit[];
}

const sigOf = (u: Unit, d: 'accept' | 'reject') => JSON.stringify([u.chain.chain.map((r) => [r.kind, r.name]), d, u.nextHop ?? null]);

export function rehome(parsed: Speaker, rs: Speaker, sink: Sink): RehomeResult {
  const result: RehomeResult = { policies: [], neighborSets: [], skip: new Set(), global: {} };
  const usedNames = new Set([...parsed.policy.neighborSets.map((n) => n.name)]);
  const policyNames = new Set(parsed.policy.policies.map((p) => p.name));
  const globalRefs = new Set<string>();
  for (const dir of ['import', 'export'] as const) for (const r of rs.globalPolicy?.[dir]?.chain ?? []) globalRefs.add(r.name);

  const plans: { dir: Direction; groups: Group[]; globalDefault: 'accept' | 'reject' }[] = [];
  for (const dir of ['import', 'export'] as const) {
    const units = collectUnits(rs, dir, sink);
    const global = rs.globalPolicy?.[dir];
    const eff = (u: Unit) => u.chain.defaultAction ?? 'accept';
    // gobgpd applies the global import policy to the paths it originates too (added through its
    // API, as Cilium and loxilb do): peers that import nothing keep a per-peer reject instead.
    const globalDefault: 'accept' | 'reject' = global
      ? (global.defaultAction ?? 'accept')
      : dir === 'export' && units.length > 0 && units.every((u) => eff(u) === 'reject')
        ? 'reject'
        : 'accept';
    const groups: Group[] = [];
    const byKey = new Map<string, Group>();
    const members = new Map<Group, Set<string>>();
    // How many of each peer's families carry each chain signature.
    const perPeer = new Map<string, Map<string, number>>();
    for (const u of units) {
      const m = perPeer.get(u.key) ?? new Map<string, number>();
      const sig = sigOf(u, eff(u));
      m.set(sig, (m.get(sig) ?? 0) + 1);
      perPeer.set(u.key, m);
    }
    for (const u of units) {
      if (u.chain.chain.length === 0 && eff(u) === globalDefault && !u.nextHop) continue;
      const sig = sigOf(u, eff(u));
      // A peer whose every family has the same chain needs no family condition.
      const sameForAll = perPeer.get(u.key)!.get(sig) === u.allFamilies.length;
      const family = sameForAll ? undefined : u.family;
      const gk = JSON.stringify([sig, family ?? null, u.isPrefix]);
      let g = byKey.get(gk);
      if (!g) {
        g = { sig, chain: u.chain, nextHop: u.nextHop, family, isPrefix: u.isPrefix, units: [] };
        byKey.set(gk, g);
        members.set(g, new Set());
        groups.push(g);
      }
      const seen = members.get(g)!;
      if (!seen.has(u.key)) {
        seen.add(u.key);
        g.units.push(u);
      }
    }
    groups.sort((a, b) => Number(a.isPrefix) - Number(b.isPrefix));
    plans.push({ dir, groups, globalDefault });
  }

  // How many groups use each policy: a policy used by one group only keeps its name.
  const uses = new Map<string, number>();
  for (const p of plans)
    for (const g of p.groups) for (const r of g.chain.chain) if (r.kind === 'policy') uses.set(r.name, (uses.get(r.name) ?? 0) + 1);

  for (const { dir, groups, globalDefault } of plans) {
    const list: string[] = [];
    for (const g of groups) {
      const addresses = [...new Set(g.units.map((u) => u.address!))];
      const setName = neighborSetFor(addresses, parsed, result, usedNames, g, dir);
      const policy = buildGroupPolicy(g, setName, dir, globalDefault, parsed, rs, sink);
      const single = g.chain.chain.length === 1 && g.chain.chain[0]!.kind === 'policy' ? g.chain.chain[0]!.name : undefined;
      if (single && uses.get(single) === 1 && !globalRefs.has(single) && !result.policies.some((p) => p.name === single)) {
        policy.name = single;
      } else {
        policy.name = unique(policy.name, (n) => policyNames.has(n) || result.policies.some((p) => p.name === n));
      }
      result.policies.push(policy);
      list.push(policy.name);
      for (const r of g.chain.chain) if (r.kind === 'policy' && !globalRefs.has(r.name)) result.skip.add(r.name);
      const who = g.units.map((u) => u.label).join(', ');
      const chainText = [...(g.nextHop ? [`next-hop ${g.nextHop}`] : []), ...g.chain.chain.map((r) => r.name)].join(', ') || 'no policy';
      sink.report(
        'emit/lowered',
        `${dir} chain [${chainText}]${g.chain.defaultAction ? ` (default ${g.chain.defaultAction})` : ''} of ${who}${g.family ? ` for ${g.family}` : ''} is written as global ${dir} policy "${policy.name}" matching neighbor-set "${setName}"`,
        { span: g.chain.origin?.[0] ?? g.units[0]!.origin?.[0] },
      );
    }
    const global = rs.globalPolicy?.[dir];
    if (global && groups.length > 0) {
      sink.report('emit/lowered', `per-peer ${dir} chains are evaluated before the global ${dir} policies`, { span: global.origin?.[0] });
    }
    list.push(...(global?.chain ?? []).filter((r) => r.kind === 'policy').map((r) => r.name));
    for (const r of global?.chain ?? []) {
      if (r.kind !== 'policy')
        sink.report('emit/not-rendered', `a ${r.kind} cannot be a global ${dir} policy in GoBGP`, { span: r.origin?.[0] });
    }
    if (list.length > 0 || global?.defaultAction !== undefined || globalDefault !== 'accept') {
      result.global[dir] = { list, defaultAction: globalDefault, origin: global?.origin };
    }
  }
  return result;
}

function collectUnits(rs: Speaker, dir: Direction, sink: Sink): Unit[] {
  const units: Unit[] = [];
  const reflects = rs.peers.some((p) => p.families?.some((f) => f.activate && f.routeReflectorClient));
  for (const p of rs.peers) {
    const fams = (p.families ?? []).filter((f) => f.activate);
    const ebgp = isEbgp(p, rs);
    for (const f of fams) {
      const nextHop =
        dir === 'export'
          ? nextHopOf(f.nextHopSelf, ebgp, reflects, `${p.address ?? p.id} ${f.family}`, f.origin?.[0] ?? p.origin?.[0], sink)
          : undefined;
      const chain = f[dir] ?? (nextHop ? { chain: [] } : undefined);
      if (!chain) continue;
      units.push({
        key: p.id,
        address: p.address,
        isPrefix: false,
        family: f.family,
        allFamilies: fams.map((x) => x.family),
        chain,
        origin: f.origin ?? p.origin,
        label: p.address ?? p.id,
        nextHop,
      });
    }
  }
  for (const r of rs.listenRanges) {
    const g = r.group ? rs.peerGroups.find((x) => x.name === r.group) : undefined;
    const fams = (g?.families ?? []).filter((f) => f.activate);
    for (const f of fams) {
      const chain = f[dir];
      if (!chain) continue;
      units.push({
        key: `range:${r.prefix}`,
        address: r.prefix,
        isPrefix: true,
        family: f.family,
        allFamilies: fams.map((x) => x.family),
        chain,
        origin: r.origin,
        label: `listen range ${r.prefix}`,
      });
    }
  }
  // Peers without an address (unnumbered) cannot be named in a neighbor-set.
  return units.filter((u) => {
    if (u.address) return true;
    if (u.chain.chain.length > 0 || (u.chain.defaultAction ?? 'accept') !== 'accept' || u.nextHop) {
      sink.report(
        'emit/not-rendered',
        `${dir} policy of ${u.label} (${u.family}) cannot be written: a peer without an address cannot be matched by a GoBGP neighbor-set`,
        {
          span: u.origin?.[0],
        },
      );
    }
    return false;
  });
}

/**
 * FRR/BIRD next-hop handling toward a peer, as a GoBGP export action.
 * `force` = set-next-hop self on every route: exact. `self` (eBGP-learned
 * routes only) is the same when the speaker reflects no iBGP routes, and a
 * no-op toward eBGP peers (GoBGP sets itself as next hop there anyway).
 * `keep` = set-next-hop unchanged: exact.
 */
function nextHopOf(
  v: 'self' | 'force' | 'keep' | undefined,
  ebgp: boolean | undefined,
  reflects: boolean,
  label: string,
  span: Span | undefined,
  sink: Sink,
): 'self' | 'unchanged' | undefined {
  if (!v) return undefined;
  if (v === 'keep') return 'unchanged';
  if (v === 'self' && ebgp === true) {
    sink.report('emit/lowered', `${label}: next-hop-self toward an eBGP peer needs nothing in GoBGP`, { span });
    return undefined;
  }
  if (v === 'self' && reflects) {
    sink.report(
      'emit/not-rendered',
      `${label}: next-hop-self for eBGP-learned routes only cannot be told apart from reflected routes in GoBGP; written as next-hop self for every route`,
      { span },
    );
  }
  return 'self';
}

function unique(base: string, taken: (n: string) => boolean): string {
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}-${i}`;
  return name;
}

function neighborSetFor(addresses: string[], parsed: Speaker, result: RehomeResult, used: Set<string>, g: Group, dir: Direction): string {
  const key = [...addresses].sort().join(',');
  const existing = [...parsed.policy.neighborSets, ...result.neighborSets].find((n) => [...n.addresses].sort().join(',') === key);
  if (existing) return existing.name;
  const first = g.chain.chain[0]?.name ?? `${dir}-${g.chain.defaultAction ?? 'accept'}`;
  const base = addresses.length === 1 ? `peer-${addresses[0]}` : `${first}${g.family ? `-${g.family}` : ''}-peers`;
  const name = unique(base, (n) => used.has(n));
  used.add(name);
  result.neighborSets.push({ name, addresses });
  return name;
}

function buildGroupPolicy(
  g: Group,
  setName: string,
  dir: Direction,
  globalDefault: 'accept' | 'reject',
  parsed: Speaker,
  rs: Speaker,
  sink: Sink,
): Policy {
  const statements: Statement[] = [];
  const scope = (): Condition[] => [
    { kind: 'neighbor-set', name: setName },
    ...(g.family ? [{ kind: 'family' as const, family: g.family }] : []),
  ];
  const catchAll = (result: 'accept' | 'reject'): Statement => ({ conditions: scope(), actions: [], result });
  const D = g.chain.defaultAction ?? 'accept';
  let decided = false;
  const refs = g.chain.chain;
  if (g.nextHop) statements.push({ conditions: scope(), actions: [{ kind: 'set-next-hop', value: g.nextHop }], result: 'continue' });
  refs.forEach((ref, i) => {
    if (decided) return;
    const last = i === refs.length - 1;
    if (ref.kind === 'policy') {
      const p = rs.policy.policies.find((x) => x.name === ref.name) ?? parsed.policy.policies.find((x) => x.name === ref.name);
      if (!p) {
        sink.report('emit/not-rendered', `policy "${ref.name}" is not defined; it is left out of the ${dir} chain`, {
          span: ref.origin?.[0],
        });
        return;
      }
      for (const r of p.raw ?? []) {
        sink.report('emit/not-rendered', `raw part of policy "${p.name}" cannot be carried into its re-homed copy`, {
          span: r.origin?.[0],
        });
      }
      p.statements.forEach((st, j) => {
        const lastStatement = j === p.statements.length - 1;
        const own = st.conditions.filter((c) => c.kind === 'neighbor-set' || c.kind === 'neighbor');
        if (own.length > 0) {
          sink.report(
            'emit/not-rendered',
            `statement ${j + 1} of policy "${p.name}" already matches neighbors; GoBGP allows one neighbor-set per statement, so its own neighbor condition is left out`,
            {
              span: own[0]!.origin?.[0] ?? st.origin?.[0],
            },
          );
        }
        let result = st.result;
        if (result === 'accept' && !last) {
          sink.report(
            'emit/not-rendered',
            `statement ${j + 1} of policy "${p.name}" accepts, which in GoBGP also skips the rest of the ${dir} chain`,
            { span: st.origin?.[0] },
          );
        }
        if (result === 'next-policy') {
          if (!lastStatement) {
            sink.report(
              'emit/not-rendered',
              `statement ${j + 1} of policy "${p.name}" goes to the next policy; GoBGP can only continue with the next statement`,
              { span: st.origin?.[0] },
            );
          }
          result = 'continue';
        }
        const conditions = [
          ...scope(),
          ...st.conditions.filter((c) => c.kind !== 'neighbor-set' && c.kind !== 'neighbor' && !(g.family && c.kind === 'family')),
        ];
        const copy: Statement = { conditions, actions: st.actions, result };
        if (st.name) copy.name = st.name;
        if (st.origin) copy.origin = st.origin;
        statements.push(copy);
      });
      if (p.defaultResult === 'reject' || (p.defaultResult === 'accept' && last)) {
        statements.push(catchAll(p.defaultResult));
        decided = true;
      }
    } else {
      const entries =
        ref.kind === 'prefix-set'
          ? rs.policy.prefixSets.find((x) => x.name === ref.name)?.entries
          : rs.policy.asPathSets.find((x) => x.name === ref.name)?.entries;
      if (!entries) {
        sink.report('emit/not-rendered', `${ref.kind} "${ref.name}" is not defined; it is left out of the ${dir} chain`, {
          span: ref.origin?.[0],
        });
        return;
      }
      if (entries.some((e) => e.action === 'deny')) {
        sink.report(
          'emit/not-rendered',
          `${ref.kind} "${ref.name}" used as a filter has deny entries; GoBGP sets have no per-entry action`,
          { span: ref.origin?.[0] },
        );
      }
      statements.push({ conditions: [...scope(), { kind: ref.kind, name: ref.name, options: 'invert' }], actions: [], result: 'reject' });
    }
  });
  if (!decided && D !== globalDefault) statements.push(catchAll(D));
  const base =
    refs.length > 0
      ? `${refs.map((r) => r.name).join('+')}-${dir}`
      : g.nextHop && D === globalDefault
        ? `next-hop-${g.nextHop}-${setName}`
        : `${dir}-${D}-${setName}`;
  return { name: base, statements, defaultResult: 'next-policy' };
}
