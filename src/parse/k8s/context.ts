/**
 * Shared state of one Kubernetes read: the diagnostics sink, the speakers per
 * project, helpers to read typed values with spans, and the "raw field"
 * mechanism: a spec field the IR cannot express is kept as a RawNode of the
 * project's dialect, with context [`<apiVersion> <Kind>/<name>`, `<field path>`],
 * so the same project's writer puts it back and every other writer reports it.
 */
import type { Sink } from '../../diagnostics/diagnostic.js';
import { emptySpeaker } from '../../ir/build.js';
import type { ClusterNode, Dialect, LabelSelector, RawNode, Speaker } from '../../ir/schema.js';
import type { Span } from '../../source.js';
import { spanIn, type Path, type Resource } from './yaml-docs.js';

export type Project = 'metallb' | 'frr-k8s' | 'cilium' | 'calico' | 'purelb' | 'loxilb';
export type Obj = Record<string, unknown>;
export type Selector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[] };

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export class K8sContext {
  readonly speakers: Speaker[] = [];
  /** Kubernetes nodes among the inputs (for node selectors). */
  readonly nodes: ClusterNode[] = [];
  constructor(readonly sink: Sink) {}

  span(r: Resource, path: Path, atKey = false): Span {
    return spanIn(r, path, atKey);
  }

  /** A speaker of the project, created on first use (id = key). */
  speaker(key: string, project: Project, dialect: Omit<Dialect, 'format'>, init?: (s: Speaker) => void): Speaker {
    let s = this.speakers.find((x) => x.id === key);
    if (!s) {
      s = emptySpeaker(key, 'node-group');
      s.dialect = { format: project, ...dialect };
      init?.(s);
      this.speakers.push(s);
    }
    return s;
  }

  /** The first speaker of a project (where pools and advertisements without a better home go). */
  projectSpeaker(project: Project, apiVersion: string): Speaker {
    return this.speakers.find((s) => s.dialect?.format === project) ?? this.speaker(project, project, { apiVersion });
  }

  /** Keeps `value` (at `path` in the resource) as a raw field of the project, with a warning. */
  rawField(speaker: Speaker, project: Project, r: Resource, path: Path, value: unknown, why?: string): void {
    const field = path.join('.');
    const raw: RawNode = {
      dialect: project,
      text: JSON.stringify(value),
      context: [`${r.apiVersion} ${r.kind}/${r.name}`, field],
      origin: [this.span(r, path)],
    };
    speaker.raw.push(raw);
    this.sink.report('parse/unrecognized', `${r.kind} ${r.name}: ${field} ${why ?? 'has no IR equivalent'}; kept raw for ${project}`, {
      span: this.span(r, path, true),
    });
  }

  /** Reports every key of `obj` not in `known` as a raw field. */
  rest(speaker: Speaker, project: Project, r: Resource, path: Path, obj: unknown, known: readonly string[]): void {
    if (!isObj(obj)) return;
    for (const [k, v] of Object.entries(obj)) {
      if (known.includes(k) || v === null || v === undefined) continue;
      this.rawField(speaker, project, r, [...path, k], v);
    }
  }

  ignored(r: Resource, why: string): void {
    this.sink.report('parse/ignored', `${r.apiVersion} ${r.kind}${r.name ? ` ${r.name}` : ''}: ${why}`, { span: this.span(r, []) });
  }
}

/** A Kubernetes LabelSelector as the IR keeps it (only its two fields). */
export function labelSelector(v: unknown): LabelSelector | undefined {
  if (!isObj(v)) return undefined;
  const out: Selector = {};
  if (isObj(v['matchLabels'])) out.matchLabels = Object.fromEntries(Object.entries(v['matchLabels']).map(([k, x]) => [k, String(x)]));
  if (Array.isArray(v['matchExpressions'])) {
    out.matchExpressions = v['matchExpressions'].filter(isObj).map((e) => {
      const x: NonNullable<Selector['matchExpressions']>[number] = { key: String(e['key']), operator: e['operator'] as 'In' };
      if (Array.isArray(e['values'])) x.values = e['values'].map(String);
      return x;
    });
  }
  return out;
}

/** Go duration ("90s", "1m30s", "250ms") → seconds; undefined when not whole seconds or unreadable. */
export function durationSeconds(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let total = 0;
  let matched = '';
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const n = Number(m[1]);
    const unit = m[2]!;
    total += n * ({ ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 } as Record<string, number>)[unit]!;
    matched += m[0];
  }
  if (matched !== v.replace(/\s+/g, '') || matched === '') return undefined;
  return Number.isInteger(Math.round(total * 1e6) / 1e6) ? Math.round(total) : undefined;
}

/** A whole number within [min, max], or a parse/invalid report (a configuration's CRD may not bound it). */
export function intInRange(ctx: K8sContext, v: unknown, span: Span, what: string, min: number, max: number): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  ctx.sink.report('parse/invalid', `${what}: ${JSON.stringify(v)} is not a whole number in ${min}-${max}`, { span });
  return undefined;
}

/** A numeric field checked against its range: undefined when absent (or not a number), else the value or a report. */
export function ranged(ctx: K8sContext, r: Resource, path: Path, v: unknown, min: number, max: number): number | undefined {
  if (num(v) === undefined) return undefined;
  return intInRange(ctx, v, ctx.span(r, path), String(path[path.length - 1]), min, max);
}

/** A Go duration as a BGP timer (whole seconds, at most 65535), or a parse/invalid report. */
export function timerSeconds(ctx: K8sContext, v: unknown, span: Span, what: string): number | undefined {
  const secs = durationSeconds(v);
  if (secs === undefined || !Number.isInteger(secs)) ctx.sink.report('parse/invalid', `${what}: "${String(v)}" is not a duration in whole seconds`, { span });
  else if (secs < 0 || secs > 65535) ctx.sink.report('parse/invalid', `${what}: ${String(v)} is not 0-65535 seconds, the range of a BGP timer`, { span });
  else return secs;
  return undefined;
}

/**
 * MetalLB and frr-k8s refuse a hold time under 3 s (other than 0) and a
 * keepalive longer than the hold time; the offending value is dropped.
 */
export function checkHoldKeepalive(ctx: K8sContext, t: { holdTime?: number; keepalive?: number }, holdSpan: () => Span, keepaliveSpan: () => Span): void {
  if (t.holdTime !== undefined && t.holdTime !== 0 && t.holdTime < 3) {
    ctx.sink.report('parse/invalid', `hold time ${t.holdTime}s: must be 0 or at least 3s`, { span: holdSpan() });
    delete t.holdTime;
  }
  if (t.holdTime !== undefined && t.keepalive !== undefined && t.keepalive > t.holdTime) {
    ctx.sink.report('parse/invalid', `keepalive time ${t.keepalive}s must not be longer than the hold time ${t.holdTime}s`, { span: keepaliveSpan() });
    delete t.keepalive;
  }
}

export function familyOf(address: string | undefined): 'ipv4-unicast' | 'ipv6-unicast' {
  return address?.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast';
}

/** "a-b" or "a - b" range, or CIDR, into an IR pool address. */
export function poolAddress(s: string, origin: Span[]): { cidr: string; origin: Span[] } | { range: { from: string; to: string }; origin: Span[] } {
  const m = /^\s*([^\s-]+)\s*-\s*([^\s-]+)\s*$/.exec(s);
  if (m) return { range: { from: m[1]!, to: m[2]! }, origin };
  if (!s.includes('/')) return { cidr: `${s}/${s.includes(':') ? 128 : 32}`, origin };
  return { cidr: s.trim(), origin };
}

/** A Kubernetes node from a core Node or a Calico Node: name, addresses (InternalIP first), labels. */
export function clusterNode(ctx: K8sContext, r: { name: string; data: Obj }, addresses: string[], span: ClusterNode['origin']): void {
  const meta = isObj(r.data['metadata']) ? r.data['metadata'] : {};
  const node: ClusterNode = { name: r.name, addresses: [...new Set(addresses)] };
  if (isObj(meta['labels'])) node.labels = Object.fromEntries(Object.entries(meta['labels']).map(([k, v]) => [k, String(v)]));
  if (span) node.origin = span;
  const existing = ctx.nodes.find((n) => n.name === node.name);
  if (existing) {
    existing.addresses = [...new Set([...existing.addresses, ...node.addresses])];
    existing.labels = { ...node.labels, ...existing.labels };
  } else ctx.nodes.push(node);
}
