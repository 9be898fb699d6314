/**
 * Shared by the Kubernetes writers: documents, deterministic YAML, names,
 * loss reporting, raw fields of the target's own dialect put back, and the
 * effective (resolved) view of each speaker.
 */
import { selectorMatches } from '../../ir/selector.js';
import { Document, isScalar, Scalar, visit } from 'yaml';
import { Sink } from '../../diagnostics/diagnostic.js';
import { defaultsFor, type DefaultsTable } from '../../ir/defaults/index.js';
import { resolve } from '../../ir/resolve.js';
import type { Advertisement, FormatId, IrDocument, LabelSelector, Peer, PeerGroup, RawNode, Speaker } from '../../ir/schema.js';
import type { Span } from '../../source.js';
import type { WriteOptions } from '../../pipeline-types.js';

export interface K8sWriteOptions extends WriteOptions {
  /** apiVersion to write for the main kinds (e.g. metallb.io/v1beta1, cilium.io/v2alpha1); default the newest served. */
  apiVersion?: string;
  /** Namespace of namespaced objects. */
  namespace?: string;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  type?: string;
  stringData?: Record<string, string>;
}

export class Out {
  readonly sink = new Sink();
  readonly objects: K8sObject[] = [];
  constructor(readonly target: FormatId) {}

  add(o: K8sObject): K8sObject {
    this.objects.push(o);
    return o;
  }

  notRendered(message: string, origin: Span[] | undefined): void {
    this.sink.report('emit/not-rendered', message, { span: origin?.[0], target: this.target });
  }

  lowered(message: string, origin: Span[] | undefined): void {
    this.sink.report('emit/lowered', message, { span: origin?.[0], target: this.target });
  }

  madeExplicit(message: string, origin: Span[] | undefined): void {
    this.sink.report('emit/default-made-explicit', message, { span: origin?.[0], target: this.target });
  }

  /** Reports the keys of `obj` that are set and not in `supported`. */
  unsupported(obj: object, supported: readonly string[], what: string, origin: Span[] | undefined): void {
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined || supported.includes(k) || k === 'origin') continue;
      if (Array.isArray(v) && v.length === 0) continue;
      this.notRendered(`${what}: ${k} cannot be expressed in ${this.target}`, (v as { origin?: Span[] })?.origin ?? origin);
    }
  }

  text(): string {
    return toYaml(this.objects);
  }
}

/** A DNS-1123 name from an id (lower case, [a-z0-9-.], at most 253). */
export function k8sName(s: string): string {
  const n = s
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return (n || 'unnamed').slice(0, 253);
}

/** Strings a YAML 1.1 reader (kubectl) would take for booleans or numbers are quoted. */
const AMBIGUOUS = /^(y|yes|n|no|on|off|true|false|null|~|[-+]?\d[\d_]*(:\d+)+|[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?|0x[0-9a-f]+|0o?[0-7]+|\.inf|\.nan)$/i;

export function toYaml(objects: readonly object[]): string {
  return objects
    .map((o) => {
      const doc = new Document(o, { aliasDuplicateObjects: false });
      visit(doc, {
        Scalar(_key, node) {
          if (isScalar(node) && typeof node.value === 'string' && AMBIGUOUS.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
        },
      });
      return doc.toString({ lineWidth: 0, indentSeq: true });
    })
    .join('---\n');
}

/** Speakers with inheritance and source-dialect defaults applied. */
export function effective(doc: IrDocument): { doc: IrDocument; sink: Sink } {
  const r = resolve(doc);
  const sink = new Sink();
  sink.addAll(r.diagnostics);
  return { doc: r.doc, sink };
}

export function targetDefaults(target: FormatId): DefaultsTable {
  return defaultsFor({ format: target })!;
}

/** Value to write: set, and different from the target's default. */
export function differs<T>(value: T | undefined, targetDefault: T): T | undefined {
  return value !== undefined && value !== targetDefault ? value : undefined;
}

/**
 * Raw nodes of the target dialect that belong to object `Kind/name` of the
 * same apiVersion (a field of another version may not exist in this one):
 * field path → value.
 */
const rawIndex = new WeakMap<readonly Speaker[], Map<string, RawNode[]>>();

export function rawFieldsFor(speakers: readonly Speaker[], dialect: FormatId, kind: string, name: string, apiVersion?: string): { path: string; value: unknown; raw: RawNode }[] {
  let index = rawIndex.get(speakers);
  if (!index) {
    index = new Map();
    for (const s of speakers) {
      for (const raw of s.raw) {
        if (!raw.context || raw.context.length < 2) continue;
        const head = raw.context[0]!;
        const key = `${raw.dialect} ${head.slice(head.indexOf(' ') + 1)}`;
        const list = index.get(key);
        if (list) list.push(raw);
        else index.set(key, [raw]);
      }
    }
    rawIndex.set(speakers, index);
  }
  const out: { path: string; value: unknown; raw: RawNode }[] = [];
  {
    for (const raw of index.get(`${dialect} ${kind}/${name}`) ?? []) {
      const head = raw.context![0]!;
      if (apiVersion && head.slice(0, head.indexOf(' ')) !== apiVersion) continue;
      let value: unknown;
      try {
        value = JSON.parse(raw.text);
      } catch {
        value = raw.text;
      }
      out.push({ path: raw.context![1]!, value, raw });
    }
  }
  return out;
}

/** Puts a raw field back at its dotted path (`[]` appends to a list). */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: unknown = obj;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
    if (part === '[]') {
      if (Array.isArray(cur)) cur.push(value);
      return;
    }
    const container = cur as Record<string | number, unknown>;
    if (last) {
      const cur0 = container[key];
      if (Array.isArray(cur0) && Array.isArray(value)) {
        const seen = new Set(cur0.map((x) => JSON.stringify(x)));
        for (const v of value) if (!seen.has(JSON.stringify(v))) cur0.push(v);
      } else container[key] = value;
      return;
    }
    if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') {
      container[key] = parts[i + 1] === '[]' || /^\d+$/.test(parts[i + 1]!) ? [] : {};
    }
    cur = container[key];
  }
}

/** Raw nodes of every dialect but the target's (and the ones the target consumed) are reported. */
export function reportForeignRaw(out: Out, doc: IrDocument, consumed: Set<RawNode>): void {
  const all = [...doc.raw, ...doc.speakers.flatMap((s) => s.raw)];
  for (const raw of all) {
    if (consumed.has(raw)) continue;
    const where = raw.context?.length ? ` (${raw.context.join(' › ')})` : '';
    if (raw.dialect === out.target) {
      out.notRendered(`a raw ${raw.dialect} construct${where} has no place in the written objects`, raw.origin);
    } else {
      out.sink.report('emit/raw-foreign', `a raw ${raw.dialect} construct${where} cannot be written to ${out.target}`, { span: raw.origin?.[0], target: out.target });
    }
  }
}

/** AND of two label selectors (the peer's and the speaker's node selectors). */
export function andSelectors(a: LabelSelector | undefined, b: LabelSelector | undefined): LabelSelector | undefined {
  if (!a) return b;
  if (!b) return a;
  const out: LabelSelector = {};
  const ml = { ...b.matchLabels, ...a.matchLabels };
  if (Object.keys(ml).length > 0) out.matchLabels = ml;
  const me = [...(b.matchExpressions ?? []), ...(a.matchExpressions ?? [])];
  if (me.length > 0) out.matchExpressions = me;
  return out;
}

export function cleanSelector(sel: LabelSelector): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (sel.matchLabels && Object.keys(sel.matchLabels).length > 0) o['matchLabels'] = { ...sel.matchLabels };
  if (sel.matchExpressions && sel.matchExpressions.length > 0) o['matchExpressions'] = sel.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values ? { values: [...e.values] } : {}) }));
  return o;
}


/**
 * The peers an advertisement is announced to, for targets that list peers
 * per advertisement: `ad.peers`, or (Cilium style) the peers whose family
 * advertisement selectors select the advertisement's labels. `undefined` = all.
 */
export function advertisementPeers(speaker: Speaker, ad: Advertisement): Peer[] | undefined {
  const bySelector = speaker.peers.some((p) => p.families?.some((f) => f.advertisementSelector));
  if (!bySelector) return ad.peers ? speaker.peers.filter((p) => ad.peers!.includes(p.id) || (p.name !== undefined && ad.peers!.includes(p.name))) : undefined;
  const chosen = speaker.peers.filter((p) => p.families?.some((f) => f.activate !== false && f.advertisementSelector !== undefined && selectorMatches(f.advertisementSelector, ad.labels)));
  const filtered = ad.peers ? chosen.filter((p) => ad.peers!.includes(p.id) || (p.name !== undefined && ad.peers!.includes(p.name))) : chosen;
  return filtered.length === speaker.peers.length ? undefined : filtered;
}

export function peerName(p: Peer): string {
  return k8sName(p.name ?? p.id);
}

export function seconds(n: number): string {
  return `${n}s`;
}

export type Settings = Peer | PeerGroup;

export function activeFamilies(p: Settings): string[] {
  return (p.families ?? []).filter((f) => f.activate !== false).map((f) => f.family);
}

/** A Secret holding a literal password (basic-auth type, key `password`), for targets that reference passwords. */
export function passwordSecret(name: string, namespace: string, value: string, key = 'password'): K8sObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: key === 'password' ? 'kubernetes.io/basic-auth' : 'Opaque', stringData: { [key]: value } };
}
