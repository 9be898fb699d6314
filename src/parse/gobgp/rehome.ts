/**
 * Reading GoBGP: global policies whose statements all match one neighbor-set
 * become per-peer import/export chains, where that is exact
 * (docs/formats/gobgp.md, "Policy re-homing"). The inverse of the writer's
 * re-homing (src/emit/gobgp/rehome.ts).
 *
 * A direction (import or export) is re-homed only when all of these hold:
 * - the global default for it is unset or accept-route (GoBGP's default);
 * - every policy of its global list is defined, is listed once in import and
 *   export together, and every statement of it has exactly one neighbor-set
 *   condition, the same set in all statements, matched with "any";
 * - that set lists only addresses of configured neighbors (no prefixes);
 * - for every neighbor, every policy that applies to it except the last one
 *   has no accept-route statement (an IR chain passes a route on to the next
 *   policy where GoBGP would stop at the accept).
 * Then each neighbor gets, on each of its families, the chain of the policies
 * whose set holds its address; the neighbor-set condition is removed from the
 * statements; a trailing statement with no other condition and only
 * accept-route/reject-route becomes the chain's default action when the policy
 * is last for all its neighbors. The neighbor-sets stay defined.
 */
import type { Sink } from '../../diagnostics/diagnostic.js';
import type { FamilySettings, Policy, PolicyChain, Speaker } from '../../ir/schema.js';
import { familiesByAddress } from './families.js';

export function rehomeFromGlobal(s: Speaker, _sink: Sink): void {
  const gp = s.globalPolicy;
  if (!gp) return;
  const counts = new Map<string, number>();
  for (const dir of ['import', 'export'] as const) for (const r of gp[dir]?.chain ?? []) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  for (const dir of ['import', 'export'] as const) {
    const chain = gp[dir];
    if (!chain || chain.chain.length === 0) continue;
    if (chain.defaultAction === 'reject') continue;
    const plan = planDirection(s, chain, counts);
    if (!plan) continue;
    apply(s, dir, chain, plan);
    delete gp[dir];
  }
  if (!gp.import && !gp.export) delete s.globalPolicy;
}

interface Plan {
  policies: { policy: Policy; set: string; peers: Set<string> }[];
  /** peer id → indices into `policies`, in global order. */
  chains: Map<string, number[]>;
}

function planDirection(s: Speaker, chain: PolicyChain, counts: Map<string, number>): Plan | undefined {
  const byAddress = new Map(s.peers.filter((p) => p.address).map((p) => [p.address!, p.id]));
  const plan: Plan = { policies: [], chains: new Map() };
  for (const ref of chain.chain) {
    if (ref.kind !== 'policy' || counts.get(ref.name) !== 1) return undefined;
    const policy = s.policy.policies.find((p) => p.name === ref.name);
    if (!policy || policy.statements.length === 0 || policy.raw?.length) return undefined;
    let set: string | undefined;
    for (const st of policy.statements) {
      const ns = st.conditions.filter((c) => c.kind === 'neighbor-set' || c.kind === 'neighbor');
      const c = ns[0];
      if (ns.length !== 1 || c?.kind !== 'neighbor-set' || (c.options && c.options !== 'any')) return undefined;
      if (set !== undefined && set !== c.name) return undefined;
      set = c.name;
    }
    const def = s.policy.neighborSets.find((n) => n.name === set);
    if (!def || def.addresses.length === 0) return undefined;
    const peers = new Set<string>();
    for (const a of def.addresses) {
      const id = byAddress.get(a);
      if (!id) return undefined;
      peers.add(id);
    }
    const index = plan.policies.length;
    plan.policies.push({ policy, set: set!, peers });
    for (const id of peers) plan.chains.set(id, [...(plan.chains.get(id) ?? []), index]);
  }
  for (const idx of plan.chains.values()) {
    for (const i of idx.slice(0, -1)) if (plan.policies[i]!.policy.statements.some((st) => st.result === 'accept')) return undefined;
  }
  return plan;
}

function apply(s: Speaker, dir: 'import' | 'export', chain: PolicyChain, plan: Plan): void {
  // Which policies are last in every chain they are in: their trailing catch-all becomes the default action.
  const lastEverywhere = plan.policies.map((_, i) =>
    [...plan.chains.values()].every((idx) => !idx.includes(i) || idx[idx.length - 1] === i),
  );
  const defaults = plan.policies.map(({ policy }, i) => {
    for (const st of policy.statements) st.conditions = st.conditions.filter((c) => c.kind !== 'neighbor-set');
    const last = policy.statements[policy.statements.length - 1];
    if (
      lastEverywhere[i] &&
      last &&
      last.conditions.length === 0 &&
      last.actions.length === 0 &&
      (last.result === 'accept' || last.result === 'reject') &&
      !last.name
    ) {
      policy.statements.pop();
      return last.result;
    }
    return undefined;
  });
  for (const peer of s.peers) {
    const idx = plan.chains.get(peer.id);
    if (!idx) continue;
    const fams = families(peer, s);
    const last = idx[idx.length - 1]!;
    for (const f of fams) {
      const c: PolicyChain = { chain: idx.map((i) => ({ kind: 'policy' as const, name: plan.policies[i]!.policy.name })) };
      const d = defaults[last] ?? chain.defaultAction;
      if (d) c.defaultAction = d;
      if (chain.origin) c.origin = chain.origin;
      f[dir] = c;
    }
  }
}

/**
 * The peer's listed families that are active; else the ones gobgpd gives it
 * (its peer group's afi-safis, or the family of its address), created active.
 */
function families(peer: Speaker['peers'][number], s: Speaker): FamilySettings[] {
  if (peer.families && peer.families.length > 0) return peer.families.filter((f) => f.activate !== false);
  const group = peer.group ? s.peerGroups.find((g) => g.name === peer.group) : undefined;
  const fromGroup = (group?.families ?? []).filter((f) => f.activate !== false).map((f) => f.family);
  const names = fromGroup.length > 0 ? fromGroup : familiesByAddress(peer.address, !!peer.interface && !peer.address);
  peer.families = names.map((family) => ({ family, activate: true }));
  return peer.families;
}
