/** IR routing policy → BIRD `define`d sets and `filter` programs. */
import type { Sink } from '../../diagnostics/diagnostic.js';
import type { Action, Condition, Policy, PrefixSet, Speaker, Statement } from '../../ir/schema.js';
import { RTS_OF, regexMask } from '../../parse/bird/filter.js';
import { symbolName } from '../../parse/bird/util.js';
import { pushAll } from '../../arrays.js';

export interface PolicyCtx {
  sink: Sink;
  target: 'bird' | 'bird1';
  speaker: Speaker;
}

const WELL_KNOWN: Record<string, string> = {
  'no-export': '65535:65281',
  'no-advertise': '65535:65282',
  'no-export-subconfed': '65535:65283',
  'local-as': '65535:65283',
  blackhole: '65535:666',
  'graceful-shutdown': '65535:0',
};

export function prefixText(e: { prefix: string; ge?: number | undefined; le?: number | undefined }): string {
  const len = Number(e.prefix.slice(e.prefix.indexOf('/') + 1));
  const max = e.prefix.includes(':') ? 128 : 32;
  if (e.ge === undefined && e.le === undefined) return e.prefix;
  const ge = e.ge ?? len;
  const le = e.le ?? (e.ge !== undefined ? max : len);
  if (ge === len && le === max) return `${e.prefix}+`;
  if (ge === 0 && le === len) return `${e.prefix}-`;
  if (ge === len && le === len) return e.prefix;
  return `${e.prefix}{${ge},${le}}`;
}

/** A community value → a BIRD pair/triple literal, or undefined. */
export function communityLiteral(v: string, kind: 'standard' | 'large' | 'extended'): string | undefined {
  const value = WELL_KNOWN[v] ?? v;
  const parts = value.split(':');
  if (kind === 'extended') {
    if (parts.length !== 3 || !['rt', 'soo'].includes(parts[0]!) || !/^\d+$/.test(parts[2]!)) return undefined;
    return `(${parts[0] === 'soo' ? 'ro' : 'rt'}, ${parts[1]}, ${parts[2]})`;
  }
  const want = kind === 'standard' ? 2 : 3;
  if (parts.length !== want || !parts.every((p) => /^\d+$/.test(p))) return undefined;
  if (kind === 'standard' && parts.some((p) => Number(p) > 65535)) return undefined;
  return `(${parts.join(', ')})`;
}

interface PrefixRun {
  name: string;
  deny: boolean;
  entries: string[];
}

/**
 * An ordered prefix list as BIRD sets: one set per run of consecutive entries with the same
 * action (first match wins). Deny runs after the last permit run are dropped: a route they
 * match is not permitted either way. A list without deny entries keeps its own name.
 */
function prefixRuns(s: PrefixSet): PrefixRun[] {
  const runs: { deny: boolean; entries: string[] }[] = [];
  for (const e of s.entries) {
    const deny = e.action === 'deny';
    const last = runs[runs.length - 1];
    if (last && last.deny === deny) last.entries.push(prefixText(e));
    else runs.push({ deny, entries: [prefixText(e)] });
  }
  while (runs.length > 0 && runs[runs.length - 1]!.deny) runs.pop();
  if (runs.length === 1 && !runs[0]!.deny) return [{ name: symbolName(s.name), ...runs[0]! }];
  return runs.map((r, i) => ({ name: symbolName(`${s.name}_${r.deny ? 'deny' : 'permit'}${i + 1}`), ...r }));
}

/** The BIRD test "the prefix list permits net" (or its negation); undefined names stay a plain set match. */
export function prefixSetMatch(ctx: PolicyCtx, name: string, invert: boolean): string {
  const set = ctx.speaker.policy.prefixSets.find((s) => s.name === name);
  const runs = set ? prefixRuns(set) : [];
  if (!set || (runs.length === 1 && runs[0]!.name === symbolName(name))) return `net ${invert ? '!~' : '~'} ${symbolName(name)}`;
  // Built from the last run backwards; BIRD's && and || share one precedence, so every step is parenthesised.
  let expr = 'false';
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i]!;
    const rest = i === runs.length - 1 ? undefined : expr;
    if (r.deny) expr = `(net !~ ${r.name} && ${rest})`;
    else expr = rest === undefined ? `net ~ ${r.name}` : `(net ~ ${r.name} || ${rest})`;
  }
  if (invert) return `!(${expr})`;
  // Callers join conditions with &&: a top-level && needs no parentheses (and the BIRD reader drops them).
  return expr.startsWith('(net !~ ') ? expr.slice(1, -1) : expr;
}

/** The name of the filter that stands for a prefix list with deny entries used as a session filter. */
export function prefixFilterName(ctx: PolicyCtx, set: string): string {
  const name = symbolName(`${set}_permitted`);
  return ctx.speaker.policy.policies.some((p) => symbolName(p.name) === name) ? `${name}_` : name;
}

/** `filter` lines for a prefix list with deny entries used as a session filter (first match wins). */
export function prefixFilterLines(ctx: PolicyCtx, set: string): string[] {
  return [`filter ${prefixFilterName(ctx, set)} {`, `  if ${prefixSetMatch(ctx, set, false)} then {`, '    accept;', '  }', '  reject;', '}'];
}

/** `define` lines for prefix, community and AS-path sets. */
export function setLines(ctx: PolicyCtx): string[] {
  const out: string[] = [];
  const { sink, speaker } = ctx;
  for (const s of speaker.policy.prefixSets) {
    const runs = prefixRuns(s);
    if (s.entries.some((e) => e.action === 'deny')) {
      const what = runs.length === 1 && runs[0]!.name === symbolName(s.name)
        ? 'its deny entries all follow the last permit entry, so they change nothing and are left out'
        : 'written as one set per run of permit / deny entries, tested in order';
      sink.report('emit/lowered', `prefix set ${s.name}: a BIRD set has no deny entries; ${what}`, { span: s.origin?.[0] });
    }
    for (const r of runs) out.push(`define ${r.name} = [ ${r.entries.join(', ')} ];`);
  }
  for (const s of speaker.policy.communitySets) {
    const vals: string[] = [];
    for (const e of s.entries) {
      const lit = e.regex || e.action === 'deny' ? undefined : communityLiteral(e.value, s.kind);
      if (lit) vals.push(lit);
      else sink.report('emit/not-rendered', `community set ${s.name}: entry ${e.value} cannot be written as a BIRD ${s.kind} community; left out`, { span: e.origin?.[0] ?? s.origin?.[0] });
    }
    if (vals.length > 0) out.push(`define ${symbolName(s.name)} = [ ${vals.join(', ')} ];`);
  }
  for (const s of speaker.policy.asPathSets) {
    const masks = s.entries.map((e) => (e.action === 'deny' ? undefined : regexMask(e.regex)));
    if (masks.length === 1 && masks[0]) out.push(`define ${symbolName(s.name)} = ${masks[0]};`);
  }
  return out;
}

function asPathCondition(ctx: PolicyCtx, name: string, invert: boolean, origin: Condition['origin']): string | undefined {
  const set = ctx.speaker.policy.asPathSets.find((s) => s.name === name);
  if (!set) return undefined;
  const masks = set.entries.map((e) => (e.action === 'deny' ? undefined : regexMask(e.regex)));
  if (masks.some((m) => m === undefined) || masks.length === 0) {
    ctx.sink.report('emit/not-rendered', `AS-path set ${name}: a regular expression BIRD path masks cannot express; the condition is left out`, { span: origin?.[0] ?? set.origin?.[0] });
    return undefined;
  }
  if (masks.length === 1) return `bgp_path ${invert ? '!~' : '~'} ${symbolName(name)}`;
  const alts = masks.map((m) => `bgp_path ~ ${m}`).join(' || ');
  return invert ? `!(${alts})` : `(${alts})`;
}

export function conditionText(ctx: PolicyCtx, c: Condition): string | undefined {
  const inv = 'options' in c && c.options === 'invert';
  const op = inv ? '!~' : '~';
  switch (c.kind) {
    case 'prefix-set':
      return prefixSetMatch(ctx, c.name, inv);
    case 'community-set':
      return `bgp_community ${op} ${symbolName(c.name)}`;
    case 'large-community-set':
      return `bgp_large_community ${op} ${symbolName(c.name)}`;
    case 'ext-community-set':
      return `bgp_ext_community ${op} ${symbolName(c.name)}`;
    case 'as-path-set':
      return asPathCondition(ctx, c.name, inv, c.origin);
    case 'as-path-length':
      return `bgp_path.len ${c.op === 'eq' ? '=' : c.op === 'ge' ? '>=' : '<='} ${c.value}`;
    case 'source-protocol': {
      const rts = RTS_OF[c.protocol];
      return rts ? `source = ${rts}` : undefined;
    }
    case 'family':
      if (c.family === 'ipv4-unicast') return 'net.type = NET_IP4';
      if (c.family === 'ipv6-unicast') return 'net.type = NET_IP6';
      return undefined;
    case 'local-pref':
      return `bgp_local_pref = ${c.value}`;
    case 'med':
      return `bgp_med = ${c.value}`;
    case 'next-hop':
      return c.addresses.length === 1 ? `bgp_next_hop = ${c.addresses[0]}` : undefined;
    case 'neighbor':
      return c.addresses.length === 1 && !c.addresses[0]!.includes('/') ? `from = ${c.addresses[0]}` : undefined;
    case 'raw':
      if (c.raw.dialect !== ctx.target) {
        ctx.sink.report('emit/raw-foreign', `a ${c.raw.dialect} condition cannot be written to ${ctx.target}: ${c.raw.text}`, { span: c.raw.origin?.[0] ?? c.origin?.[0] });
        return undefined;
      }
      return c.raw.text.includes('||') ? `(${c.raw.text})` : c.raw.text;
    default:
      return undefined;
  }
}

export function actionLines(ctx: PolicyCtx, a: Action): string[] | undefined {
  switch (a.kind) {
    case 'set-local-pref':
      return [`bgp_local_pref = ${a.value};`];
    case 'set-med':
      if (a.op === 'add') return [`bgp_med = bgp_med + ${a.value};`];
      if (a.op === 'subtract') return [`bgp_med = bgp_med - ${a.value};`];
      return [`bgp_med = ${a.value};`];
    case 'community': {
      const attr = a.communityKind === 'standard' ? 'bgp_community' : a.communityKind === 'large' ? 'bgp_large_community' : 'bgp_ext_community';
      if (a.set && !a.values) {
        if (a.op === 'remove') return [`${attr}.delete(${symbolName(a.set)});`];
        return undefined;
      }
      const lits = (a.values ?? []).map((v) => communityLiteral(v, a.communityKind));
      if (lits.some((l) => l === undefined)) return undefined;
      const lines: string[] = [];
      if (a.op === 'replace') lines.push(`${attr}.empty;`);
      for (const l of lits) lines.push(`${attr}.${a.op === 'remove' ? 'delete' : 'add'}(${l});`);
      return lines;
    }
    case 'as-path-prepend':
      if (a.asn === 'last-as') return undefined;
      return Array.from({ length: a.repeat ?? 1 }, () => `bgp_path.prepend(${a.asn});`);
    case 'set-next-hop':
      return typeof a.value === 'string' && /[.:]/.test(a.value) ? [`bgp_next_hop = ${a.value};`] : undefined;
    case 'set-origin':
      return [`bgp_origin = ORIGIN_${a.value.toUpperCase()};`];
    case 'raw':
      if (a.raw.dialect !== ctx.target) {
        ctx.sink.report('emit/raw-foreign', `a ${a.raw.dialect} action cannot be written to ${ctx.target}: ${a.raw.text}`, { span: a.raw.origin?.[0] ?? a.origin?.[0] });
        return [];
      }
      return [`${a.raw.text};`];
    default:
      return undefined;
  }
}

function sameExceptSource(a: Statement, b: Statement): boolean {
  if (a.result !== b.result || a.conditions.length !== b.conditions.length || a.conditions.length === 0) return false;
  const ra = a.conditions.filter((c) => c.kind !== 'source-protocol');
  const rb = b.conditions.filter((c) => c.kind !== 'source-protocol');
  if (ra.length !== a.conditions.length - 1 || rb.length !== b.conditions.length - 1) return false;
  const strip = (x: unknown): string => JSON.stringify(x, (k, v) => (k === 'origin' ? undefined : v));
  return strip(ra) === strip(rb) && strip(a.actions) === strip(b.actions) && (a.result === 'accept' || a.result === 'reject');
}

/**
 * The body lines of a filter for a structured policy. `tail` decides routes
 * that reach the end of a policy ending in "next policy": a BIRD channel has
 * one filter, so what comes next is the chain's default action.
 */
export function filterBody(ctx: PolicyCtx, p: Policy, tail?: 'accept' | 'reject'): string[] {
  const out: string[] = [];
  const st = p.statements;
  let lastUnconditional = false;
  for (let i = 0; i < st.length; i++) {
    const s = st[i]!;
    // Consecutive statements that differ only in the route source: one `source ~ [...]` test.
    let group = [s];
    while (i + group.length < st.length && sameExceptSource(s, st[i + group.length]!)) group.push(st[i + group.length]!);
    if (group.length > 1 && group.every((g) => g.conditions.some((c) => c.kind === 'source-protocol' && RTS_OF[c.protocol]))) {
      i += group.length - 1;
    } else group = [s];
    const conds: string[] = [];
    let dropped = false;
    for (const c of s.conditions) {
      if (group.length > 1 && c.kind === 'source-protocol') {
        if (!conds.some((x) => x.startsWith('source ~'))) {
          const names = group.map((g) => RTS_OF[(g.conditions.find((x) => x.kind === 'source-protocol') as { protocol: string }).protocol]!);
          conds.push(`source ~ [ ${names.join(', ')} ]`);
        }
        continue;
      }
      const t = conditionText(ctx, c);
      if (t === undefined) {
        if (c.kind !== 'raw' && c.kind !== 'as-path-set') {
          ctx.sink.report('emit/not-rendered', `policy ${p.name}: a ${c.kind} condition has no BIRD form; the statement is left out`, { span: c.origin?.[0] ?? s.origin?.[0] ?? p.origin?.[0] });
        }
        dropped = true;
        break;
      }
      conds.push(t);
    }
    if (dropped) continue;
    const body: string[] = [];
    for (const a of s.actions) {
      const l = actionLines(ctx, a);
      if (l === undefined) ctx.sink.report('emit/not-rendered', `policy ${p.name}: a ${a.kind} action has no BIRD form; left out`, { span: a.origin?.[0] ?? s.origin?.[0] ?? p.origin?.[0] });
      else pushAll(body, l);
    }
    let result: string | undefined;
    if (s.result === 'accept' || s.result === 'reject') result = `${s.result};`;
    else if (s.result === 'next-policy') {
      ctx.sink.report('emit/lowered', `policy ${p.name}: "next policy" is written as falling through to the next statement`, { span: s.origin?.[0] ?? p.origin?.[0] });
    }
    if (result) body.push(result);
    if (conds.length === 0) {
      pushAll(out, body);
      lastUnconditional = result !== undefined;
      if (lastUnconditional) break;
    } else {
      out.push(`if ${conds.join(' && ')} then {`, ...body.map((l) => `  ${l}`), '}');
    }
  }
  if (!lastUnconditional) {
    if (p.defaultResult === 'next-policy') {
      const end = tail ?? 'accept';
      ctx.sink.report('emit/lowered', `policy ${p.name}: "next policy" at the end is written as ${end} (the chain's default; a BIRD channel has one filter)`, { span: p.origin?.[0] });
      out.push(`${end};`);
    } else out.push(p.defaultResult === 'accept' ? 'accept;' : 'reject;');
  }
  return out;
}

/** The filter variant of a "next policy" policy for chains whose default action is reject. */
export const rejectVariant = (name: string): string => `${name}_else_reject`;

export function policyLines(ctx: PolicyCtx, p: Policy, tail?: 'reject'): string[] {
  const name = symbolName(tail ? rejectVariant(p.name) : p.name);
  if (p.raw && p.raw.length > 0) {
    const raw = p.raw[0]!;
    if (raw.dialect === ctx.target && raw.context?.[0] === 'filter with variables') return raw.text.split('\n');
    if (raw.dialect === ctx.target) return [`filter ${name} {`, ...raw.text.split('\n').map((l) => `  ${l}`), '}'];
    ctx.sink.report('emit/raw-foreign', `policy ${p.name} is a ${raw.dialect} program and cannot be written to ${ctx.target}; it is written as a filter that rejects every route`, {
      span: raw.origin?.[0] ?? p.origin?.[0],
    });
    return [`filter ${name} {`, '  reject;', '}'];
  }
  return [`filter ${name} {`, ...filterBody(ctx, p, tail).map((l) => `  ${l}`), '}'];
}
