/**
 * Reader for Kubernetes resources of MetalLB, frr-k8s, Cilium, Calico, PureLB
 * and loxilb: multi-document YAML (and `kind: List`), each object validated
 * against its upstream CRD schema, then dispatched on apiVersion/kind to one
 * adapter per project. Objects with no BGP meaning are `parse/ignored`.
 */
import { Sink } from '../../diagnostics/diagnostic.js';
import { emptyDocument } from '../../ir/build.js';
import type { FormatId, IrDocument } from '../../ir/schema.js';
import type { ReadOptions, ReadResult } from '../../pipeline-types.js';
import type { SourceFile } from '../../source.js';
import { CalicoReader } from './calico.js';
import { CiliumReader } from './cilium.js';
import { readConfigMap } from './configmap.js';
import { K8sContext, type Project } from './context.js';
import { FrrK8sReader } from './frr-k8s.js';
import { LoxilbReader } from './loxilb.js';
import { MetallbReader } from './metallb.js';
import { PurelbReader } from './purelb.js';
import { crdFor, validateResource } from './validate.js';
import { readResources, type Resource } from './yaml-docs.js';
import { pushAll } from '../../arrays.js';

export function projectOf(apiVersion: string): Project | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (group === 'metallb.io') return 'metallb';
  if (group === 'frrk8s.metallb.io') return 'frr-k8s';
  if (group === 'cilium.io') return 'cilium';
  if (group === 'projectcalico.org' || group === 'crd.projectcalico.org') return 'calico';
  if (group === 'purelb.io' || group === 'bgp.purelb.io') return 'purelb';
  if (group.endsWith('.loxilb.io')) return 'loxilb';
  return undefined;
}

/** Reading order: sessions and their owners first, then what refers to them. */
const ORDER: Record<string, number> = {
  BGPConfiguration: 0,
  CiliumBGPClusterConfig: 0,
  CiliumBGPPeeringPolicy: 0,
  FRRConfiguration: 0,
  BGPPeerService: 0,
  BGPFilter: 1,
  BGPPeer: 2,
};

export function parseK8s(file: SourceFile, opts: ReadOptions = {}): ReadResult {
  const sink = new Sink();
  const ctx = new K8sContext(sink);
  const resources = readResources(file, sink);
  const metallb = new MetallbReader(ctx);
  const cilium = new CiliumReader(ctx);
  const calico = new CalicoReader(ctx);
  const frrK8s = new FrrK8sReader(ctx);
  const purelb = new PurelbReader(ctx);
  const loxilb = new LoxilbReader(ctx);
  const subDocs: IrDocument[] = [];
  const valid: Resource[] = [];
  const secrets: Resource[] = [];
  for (const r of resources) {
    const crd = crdFor(r.apiVersion, r.kind);
    if (crd) {
      const errors = validateResource(r.data, crd);
      if (errors.length > 0) {
        for (const e of errors) {
          sink.report('parse/invalid', `${r.kind}${r.name ? ` ${r.name}` : ''} does not match the ${r.apiVersion} CRD schema: ${e.message}`, {
            span: ctx.span(r, e.path),
          });
        }
        continue;
      }
      if (crd.deprecated) {
        sink.report('parse/ignored', `${r.apiVersion} ${r.kind} is a deprecated API version; read as it is`, { span: ctx.span(r, ['apiVersion']), severity: 'info' });
      }
    }
    valid.push(r);
  }
  const ordered = valid.map((r, i) => ({ r, i })).sort((a, b) => (ORDER[a.r.kind] ?? 5) - (ORDER[b.r.kind] ?? 5) || a.i - b.i);
  for (const { r } of ordered) {
    try {
      const project = projectOf(r.apiVersion);
      switch (project) {
        case 'metallb':
          metallb.read(r);
          break;
        case 'frr-k8s':
          frrK8s.read(r);
          break;
        case 'cilium':
          cilium.read(r);
          break;
        case 'calico':
          calico.read(r);
          break;
        case 'purelb':
          purelb.read(r);
          break;
        case 'loxilb':
          loxilb.read(r);
          break;
        default:
          if (r.apiVersion === 'v1' && r.kind === 'ConfigMap') readConfigMap(r, ctx, metallb, opts, subDocs);
          else if (r.apiVersion === 'v1' && r.kind === 'Node') calico.read(r);
          else if (r.apiVersion === 'v1' && r.kind === 'Secret') secrets.push(r);
          else ctx.ignored(r, 'no BGP meaning');
      }
    } catch (e) {
      sink.report('parse/invalid', `${r.kind} ${r.name}: cannot read this object (${(e as Error).message})`, { span: ctx.span(r, []) });
    }
  }
  metallb.finish();
  cilium.finish();
  calico.finish();
  resolveSecrets(ctx, secrets);
  const doc = emptyDocument();
  const formats = new Set(ctx.speakers.map((s) => s.dialect?.format).filter((f): f is FormatId => Boolean(f)));
  for (const f of formats) {
    const s = ctx.speakers.find((x) => x.dialect?.format === f);
    doc.sources.push({ file: file.name, format: f, ...(s?.dialect ? { dialect: s.dialect } : {}) });
  }
  if (doc.sources.length === 0) doc.sources.push({ file: file.name, format: 'metallb' });
  for (const d of subDocs) pushAll(doc.raw, d.raw);
  doc.speakers = ctx.speakers;
  doc.nodes = ctx.nodes;
  return { doc, diagnostics: sink.list };
}

/** Passwords referencing a Secret among the inputs take the Secret's value; other Secrets have no BGP meaning. */
function resolveSecrets(ctx: K8sContext, secrets: Resource[]): void {
  const used = new Set<Resource>();
  for (const s of ctx.speakers) {
    for (const p of [...s.peers, ...s.peerGroups]) {
      const pw = p.password;
      if (pw?.kind !== 'secretRef') continue;
      const sec = secrets.find((r) => r.name === pw.name && (!pw.namespace || !r.namespace || r.namespace === pw.namespace));
      if (!sec) continue;
      const key = pw.key ?? 'password';
      const sd = sec.data['stringData'];
      const d = sec.data['data'];
      let value: string | undefined;
      if (typeof sd === 'object' && sd !== null && typeof (sd as Record<string, unknown>)[key] === 'string') value = (sd as Record<string, string>)[key];
      else if (typeof d === 'object' && d !== null && typeof (d as Record<string, unknown>)[key] === 'string') value = Buffer.from((d as Record<string, string>)[key]!, 'base64').toString('utf8');
      if (value === undefined) continue;
      p.password = { kind: 'literal', value };
      used.add(sec);
    }
  }
  for (const r of secrets) ctx.ignored(r, used.has(r) ? 'read as the password of the sessions that reference it' : 'a Secret no session references');
}
