/**
 * ConfigMaps that carry BGP configuration: MetalLB's legacy `config` (an
 * embedded YAML document), and PureLB-style routing-daemon ConfigMaps whose
 * data value is a BIRD, FRR or GoBGP config, read with that format's reader
 * from the registry. The embedded text is handed over as a SourceFile of the
 * whole YAML file with everything else blanked out by spaces, so offsets,
 * lines and columns of every span point into the YAML file.
 */
import { isScalar, Scalar, type Node } from 'yaml';
import { composeYaml, toJsOrReport } from '../common/yaml.js';
import { findFormat } from '../../formats.js';
import type { IrDocument } from '../../ir/schema.js';
import type { ReadOptions } from '../../pipeline-types.js';
import { SourceFile } from '../../source.js';
import { detectFormat } from '../detect.js';
import { isObj, type K8sContext } from './context.js';
import type { MetallbReader } from './metallb.js';
import { nodeAt, spanOfNode, type Resource } from './yaml-docs.js';

/** The YAML file with only the block scalar's content left in place. */
export function embeddedSource(file: SourceFile, node: Node): SourceFile | undefined {
  const range = (node as { range?: [number, number, number] }).range;
  if (!range || !isScalar(node)) return undefined;
  const type = (node as Scalar).type;
  if (type !== Scalar.BLOCK_LITERAL && type !== Scalar.BLOCK_FOLDED) return undefined;
  const text = file.text;
  // Content starts after the header line (`|`, `|-`, `|2`...).
  let start = text.indexOf('\n', range[0]);
  if (start < 0 || start > range[1]) return undefined;
  start += 1;
  const end = range[1];
  let out = '';
  const blank = (s: string): string => s.replace(/[^\n\r]/g, ' ');
  out += blank(text.slice(0, start));
  out += text.slice(start, end);
  out += blank(text.slice(end));
  return new SourceFile(file.name, out);
}

function formatOfKey(key: string, value: string): string | undefined {
  const k = key.toLowerCase();
  if (/^bird6?\.conf$|\.bird$/.test(k)) return 'bird';
  if (/^(frr|bgpd|bfdd)\.conf$/.test(k)) return 'frr';
  if (/gobgp.*\.(toml|conf)$/.test(k)) return 'gobgp';
  if (/gobgp.*\.ya?ml$/.test(k)) return 'gobgp-yaml';
  if (/gobgp.*\.json$/.test(k)) return 'gobgp-json';
  return detectFormat(new SourceFile(key, value));
}

export function readConfigMap(r: Resource, ctx: K8sContext, metallb: MetallbReader, opts: ReadOptions, subDocs: IrDocument[]): void {
  const data = isObj(r.data['data']) ? r.data['data'] : undefined;
  if (!data) return ctx.ignored(r, 'a ConfigMap without data');
  let used = false;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') continue;
    const valueNode = nodeAt(r.node, ['data', key]);
    const span = ctx.span(r, ['data', key], true);
    // MetalLB legacy ConfigMap: data.config is YAML with peers / address-pools.
    if (key === 'config' && /^\s*(peers|address-pools|bgp-communities|bfd-profiles)\s*:/m.test(value)) {
      used = true;
      const src = valueNode ? embeddedSource(r.file, valueNode) : undefined;
      const file = src ?? new SourceFile(r.file.name, value);
      // The same limits as any YAML input (nesting depth checked before composing, alias expansion bounded).
      const [one] = composeYaml(file, ctx.sink, true);
      if (!one?.ok) continue;
      const doc = one.doc;
      const js = toJsOrReport(doc, file, ctx.sink);
      const cfg = js.ok ? js.value : undefined;
      if (!isObj(cfg)) continue;
      metallb.readConfigMap({ ...r, file, node: doc.contents as Node, data: cfg });
      continue;
    }
    const fmt = formatOfKey(key, value);
    if (fmt === 'bird' || fmt === 'bird1' || fmt === 'frr' || fmt === 'gobgp' || fmt === 'gobgp-yaml' || fmt === 'gobgp-json') {
      used = true;
      const reader = findFormat(fmt)?.read;
      if (!reader) {
        ctx.sink.report('parse/unrecognized', `ConfigMap ${r.name}: ${key} is a ${fmt} config, and bgpc cannot read ${fmt} yet; kept raw`, { span });
        const s = ctx.speaker(`configmap/${r.name}/${key}`, 'purelb', { apiVersion: r.apiVersion, backend: fmt });
        s.raw.push({ dialect: fmt === 'bird1' ? 'bird1' : fmt.startsWith('gobgp') ? 'gobgp' : (fmt as 'bird' | 'frr'), text: value, context: [`v1 ConfigMap/${r.name}`, `data.${key}`], origin: [span] });
        continue;
      }
      const src = valueNode ? embeddedSource(r.file, valueNode) : undefined;
      if (!src) ctx.sink.report('parse/ignored', `ConfigMap ${r.name}: ${key} is not a block scalar; spans inside it point at its key`, { span });
      const result = reader(src ?? new SourceFile(r.file.name, value), opts);
      for (const d of result.diagnostics) ctx.sink.list.push(src || !d.span ? d : { ...d, span });
      subDocs.push(result.doc);
      for (const s of result.doc.speakers) {
        s.id = `configmap/${r.name}/${key}${result.doc.speakers.length > 1 ? `/${s.id}` : ''}`;
        s.kind = 'node-group';
        s.name ??= r.name;
        ctx.speakers.push(s);
      }
      continue;
    }
  }
  if (!used) ctx.ignored(r, 'a ConfigMap without BGP configuration');
}
