/** IR routing policy → gobgpd defined-sets and policy-definitions. */
import type { Sink } from '../../diagnostics/diagnostic.js';
import type { Action, Condition, Policy, RawNode, Speaker, Statement } from '../../ir/schema.js';
import { familyToGobgp } from '../../parse/gobgp/families.js';
import { applyRaw, type Obj } from './raw.js';

export function definedSets(policy: Speaker['policy'], extraNeighborSets: Speaker['policy']['neighborSets'], sink: Sink): Obj | undefined {
  const out: Obj = {};
  const prefixSets = policy.prefixSets.map((ps) => {
    const list = ps.entries
      .filter((e) => {
        if (e.action !== 'deny') return true;
        sink.report(
          'emit/not-rendered',
          `deny entry ${e.prefix} of prefix set "${ps.name}" is left out: GoBGP prefix-sets have no per-entry action`,
          { span: e.origin?.[0] ?? ps.origin?.[0] },
        );
        return false;
      })
      .map((e) => {
        const item: Obj = { 'ip-prefix': e.prefix };
        if (e.ge !== undefined || e.le !== undefined) {
          const len = Number(e.prefix.split('/')[1]);
          const max = e.prefix.includes(':') ? 128 : 32;
          item['masklength-range'] = `${e.ge ?? len}..${e.le ?? max}`;
        }
        return item;
      });
    return { 'prefix-set-name': ps.name, 'prefix-list': list };
  });
  if (prefixSets.length > 0) out['prefix-sets'] = prefixSets;
  const ns = [...policy.neighborSets, ...extraNeighborSets].map((n) => ({
    'neighbor-set-name': n.name,
    'neighbor-info-list': n.addresses,
  }));
  if (ns.length > 0) out['neighbor-sets'] = ns;
  const bgp: Obj = {};
  const comm = (kind: 'standard' | 'extended' | 'large', key: string, nameKey: string, listKey: string) => {
    const sets = policy.communitySets
      .filter((c) => c.kind === kind)
      .map((c) => ({
        [nameKey]: c.name,
        [listKey]: c.entries
          .filter((e) => {
            if (e.action !== 'deny') return true;
            sink.report(
              'emit/not-rendered',
              `deny entry ${e.value} of community set "${c.name}" is left out: GoBGP sets have no per-entry action`,
              { span: e.origin?.[0] ?? c.origin?.[0] },
            );
            return false;
          })
          .map((e) => e.value),
      }));
    if (sets.length > 0) bgp[key] = sets;
  };
  comm('standard', 'community-sets', 'community-set-name', 'community-list');
  comm('extended', 'ext-community-sets', 'ext-community-set-name', 'ext-community-list');
  const asp = policy.asPathSets.map((a) => ({
    'as-path-set-name': a.name,
    'as-path-list': a.entries
      .filter((e) => {
        if (e.action !== 'deny') return true;
        sink.report(
          'emit/not-rendered',
          `deny entry "${e.regex}" of as-path set "${a.name}" is left out: GoBGP sets have no per-entry action`,
          { span: e.origin?.[0] ?? a.origin?.[0] },
        );
        return false;
      })
      .map((e) => e.regex),
  }));
  if (asp.length > 0) bgp['as-path-sets'] = asp;
  comm('large', 'large-community-sets', 'large-community-set-name', 'large-community-list');
  if (Object.keys(bgp).length > 0) out['bgp-defined-sets'] = bgp;
  return Object.keys(out).length > 0 ? out : undefined;
}

export interface PolicyCtx {
  sink: Sink;
  /** Neighbor-sets created for `neighbor` conditions. */
  extraSets: Speaker['policy']['neighborSets'];
  takenSetNames: Set<string>;
}

export function policyDefinition(p: Policy, ctx: PolicyCtx): Obj {
  const statements = p.statements.map((st, i) => statement(st, p, i, ctx));
  if (p.defaultResult === 'accept' || p.defaultResult === 'reject') {
    ctx.sink.report(
      'emit/lowered',
      `policy "${p.name}" ${p.defaultResult}s what no statement decides: written as a last statement without conditions`,
      { span: p.origin?.[0] },
    );
    statements.push({ actions: { 'route-disposition': `${p.defaultResult}-route` } });
  }
  const out: Obj = { name: p.name, statements };
  for (const r of p.raw ?? []) applyRaw(out, r, ctx.sink, `policy "${p.name}"`);
  return out;
}

function statement(st: Statement, p: Policy, index: number, ctx: PolicyCtx): Obj {
  const { sink } = ctx;
  const where = `statement ${index + 1} of policy "${p.name}"`;
  const conditions: Obj = {};
  const bgp: Obj = {};
  const raws: RawNode[] = [];
  const once = (target: Obj, key: string, value: unknown, c: { origin?: Condition['origin'] }) => {
    if (target[key] !== undefined) {
      sink.report('emit/not-rendered', `${where}: GoBGP allows one "${key}" per statement; a second one is left out`, {
        span: c.origin?.[0] ?? st.origin?.[0],
      });
      return;
    }
    target[key] = value;
  };
  const restricted = (c: { options?: 'any' | 'all' | 'invert' | undefined; origin?: Condition['origin'] }) => {
    if (c.options === 'all')
      sink.report('emit/not-rendered', `${where}: match "all" is not available for this set in GoBGP; written as "any"`, {
        span: c.origin?.[0],
      });
    return c.options === 'invert' ? { 'match-set-options': 'invert' } : {};
  };
  const opts = (c: { options?: 'any' | 'all' | 'invert' | undefined }) =>
    c.options && c.options !== 'any' ? { 'match-set-options': c.options } : {};
  for (const c of st.conditions) {
    switch (c.kind) {
      case 'prefix-set':
        once(conditions, 'match-prefix-set', { 'prefix-set': c.name, ...restricted(c) }, c);
        break;
      case 'neighbor-set':
        once(conditions, 'match-neighbor-set', { 'neighbor-set': c.name, ...restricted(c) }, c);
        break;
      case 'neighbor': {
        const key = [...c.addresses].sort().join(',');
        let set = ctx.extraSets.find((s) => [...s.addresses].sort().join(',') === key);
        if (!set) {
          let name = `${p.name}-${index + 1}-neighbors`;
          for (let k = 2; ctx.takenSetNames.has(name); k++) name = `${p.name}-${index + 1}-neighbors-${k}`;
          ctx.takenSetNames.add(name);
          set = { name, addresses: c.addresses };
          ctx.extraSets.push(set);
        }
        sink.report('emit/lowered', `${where}: neighbor match written as neighbor-set "${set.name}"`, { span: c.origin?.[0] });
        once(conditions, 'match-neighbor-set', { 'neighbor-set': set.name }, c);
        break;
      }
      case 'community-set':
        if (c.exact)
          sink.report('emit/not-rendered', `${where}: exact community match is not available in GoBGP; written as a set match`, {
            span: c.origin?.[0],
          });
        once(bgp, 'match-community-set', { 'community-set': c.name, ...opts(c) }, c);
        break;
      case 'ext-community-set':
        once(bgp, 'match-ext-community-set', { 'ext-community-set': c.name, ...opts(c) }, c);
        break;
      case 'large-community-set':
        once(bgp, 'match-large-community-set', { 'large-community-set': c.name, ...opts(c) }, c);
        break;
      case 'as-path-set':
        once(bgp, 'match-as-path-set', { 'as-path-set': c.name, ...opts(c) }, c);
        break;
      case 'as-path-length':
        once(bgp, 'as-path-length', { operator: c.op, value: c.value }, c);
        break;
      case 'next-hop':
        once(bgp, 'next-hop-in-list', c.addresses, c);
        break;
      case 'family':
        once(bgp, 'afi-safi-in-list', [familyToGobgp(c.family)], c);
        break;
      case 'med':
        once(bgp, 'med-eq', c.value, c);
        break;
      case 'local-pref':
        once(bgp, 'local-pref-eq', c.value, c);
        break;
      case 'raw':
        raws.push(c.raw);
        break;
      default:
        sink.report('emit/not-rendered', `${where}: a ${c.kind} condition has no GoBGP equivalent; the statement is written without it`, {
          span: c.origin?.[0] ?? st.origin?.[0],
        });
    }
  }
  const bgpA: Obj = {};
  const actions: Obj = {};
  const igp: Obj = {};
  for (const a of st.actions) actionInto(a, bgpA, igp, raws, where, sink, st);
  if (st.result === 'accept') actions['route-disposition'] = 'accept-route';
  else if (st.result === 'reject') actions['route-disposition'] = 'reject-route';
  else if (st.result === 'next-policy' && index < p.statements.length - 1) {
    sink.report('emit/not-rendered', `${where} goes to the next policy; GoBGP continues with the next statement instead`, {
      span: st.origin?.[0],
    });
  }
  if (Object.keys(igp).length > 0) actions['igp-actions'] = igp;
  if (Object.keys(bgpA).length > 0) actions['bgp-actions'] = ordered(bgpA, BGP_ACTIONS);
  if (Object.keys(bgp).length > 0) conditions['bgp-conditions'] = ordered(bgp, BGP_CONDITIONS);
  const out: Obj = {};
  if (st.name) out['name'] = st.name;
  if (Object.keys(conditions).length > 0) out['conditions'] = ordered(conditions, CONDITIONS);
  if (Object.keys(actions).length > 0) out['actions'] = actions;
  for (const r of raws) applyRaw(out, r, sink, where);
  return out;
}

/** gobgpd's struct order (bgp_configs.go), so the output does not depend on the IR's order. */
const CONDITIONS = ['match-prefix-set', 'match-neighbor-set', 'bgp-conditions'];
const BGP_CONDITIONS = [
  'match-community-set',
  'match-ext-community-set',
  'match-as-path-set',
  'med-eq',
  'next-hop-in-list',
  'afi-safi-in-list',
  'local-pref-eq',
  'as-path-length',
  'match-large-community-set',
];
const BGP_ACTIONS = [
  'set-as-path-prepend',
  'set-community',
  'set-ext-community',
  'set-route-origin',
  'set-local-pref',
  'set-next-hop',
  'set-med',
  'set-large-community',
];

function ordered(o: Obj, order: string[]): Obj {
  const out: Obj = {};
  for (const k of order) if (o[k] !== undefined) out[k] = o[k];
  for (const [k, v] of Object.entries(o)) if (!(k in out)) out[k] = v;
  return out;
}

function actionInto(a: Action, bgp: Obj, igp: Obj, raws: RawNode[], where: string, sink: Sink, st: Statement): void {
  const once = (target: Obj, key: string, value: unknown) => {
    if (target[key] !== undefined) {
      sink.report('emit/not-rendered', `${where}: GoBGP allows one "${key}" per statement; a second one is left out`, {
        span: a.origin?.[0] ?? st.origin?.[0],
      });
      return;
    }
    target[key] = value;
  };
  switch (a.kind) {
    case 'set-local-pref':
      once(bgp, 'set-local-pref', a.value);
      break;
    case 'set-med':
      once(bgp, 'set-med', `${a.op === 'add' ? '+' : a.op === 'subtract' ? '-' : ''}${a.value}`);
      break;
    case 'community': {
      const key =
        a.communityKind === 'standard' ? 'set-community' : a.communityKind === 'extended' ? 'set-ext-community' : 'set-large-community';
      const method: Obj = {};
      if (a.values) method['communities-list'] = a.values;
      if (a.set) {
        if (a.communityKind === 'large') {
          sink.report('emit/not-rendered', `${where}: GoBGP cannot take large communities from a set`, { span: a.origin?.[0] });
        } else method[a.communityKind === 'standard' ? 'community-set-ref' : 'ext-community-set-ref'] = a.set;
      }
      once(bgp, key, { options: a.op, [`${key}-method`]: method });
      break;
    }
    case 'as-path-prepend':
      once(bgp, 'set-as-path-prepend', { 'repeat-n': a.repeat ?? 1, as: String(a.asn) });
      break;
    case 'set-next-hop':
      if (a.value === 'peer-address') {
        sink.report('emit/not-rendered', `${where}: next-hop peer-address is not available in GoBGP 3.10`, { span: a.origin?.[0] });
      } else once(bgp, 'set-next-hop', a.value);
      break;
    case 'set-origin':
      once(bgp, 'set-route-origin', a.value);
      break;
    case 'set-tag':
      once(igp, 'set-tag', String(a.value));
      break;
    case 'raw':
      raws.push(a.raw);
      break;
    default:
      sink.report('emit/not-rendered', `${where}: a ${a.kind} action has no GoBGP equivalent`, { span: a.origin?.[0] ?? st.origin?.[0] });
  }
}
