/**
 * Multi-document YAML with spans: every document of a stream, and every item
 * of a `kind: List`, becomes one Resource that knows its YAML node, so any data
 * path inside it maps back to a file span (node lookup shared with
 * parse/common/yaml.ts).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Sink } from '../../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../../source.js';
import { composeYaml, nodeAt, spanOfNode, toJsOrReport } from '../common/yaml.js';

export { nodeAt, spanOfNode };

export type Path = readonly (string | number)[];

export interface Resource {
  file: SourceFile;
  /** The YAML node of the object (a document's root, or a List item). */
  node: Node;
  data: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export function spanIn(r: { file: SourceFile; node: Node }, path: Path, atKey = false): Span {
  return spanOfNode(r.file, nodeAt(r.node, path, atKey));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Every resource of a multi-document YAML file. YAML errors and documents that
 * are not Kubernetes objects are reported; a `kind: List` contributes its items.
 */
export function readResources(file: SourceFile, sink: Sink): Resource[] {
  const out: Resource[] = [];
  // Errors, warnings and documents nested too deep are reported there.
  for (const { doc, ok } of composeYaml(file, sink)) {
    if (!ok) continue;
    const root = doc.contents as Node | null;
    if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) continue; // empty document
    const data = toJsOrReport(doc, file, sink);
    if (data.ok) collect(file, root, data.value, sink, out);
  }
  return out;
}

function collect(file: SourceFile, node: Node, data: unknown, sink: Sink, out: Resource[]): void {
  if (!isObject(data) || typeof data['kind'] !== 'string' || typeof data['apiVersion'] !== 'string') {
    sink.report('parse/unrecognized', 'not a Kubernetes object (apiVersion and kind are required)', { span: spanOfNode(file, node) });
    return;
  }
  const kind = data['kind'];
  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(data['items']))) {
    const items = Array.isArray(data['items']) ? data['items'] : [];
    items.forEach((item, i) => {
      const n = nodeAt(node, ['items', i]);
      if (n) collect(file, n, item, sink, out);
    });
    return;
  }
  const meta = isObject(data['metadata']) ? data['metadata'] : {};
  const r: Resource = {
    file,
    node,
    data,
    apiVersion: data['apiVersion'] as string,
    kind,
    name: typeof meta['name'] === 'string' ? meta['name'] : '',
  };
  if (typeof meta['namespace'] === 'string') r.namespace = meta['namespace'];
  out.push(r);
}
