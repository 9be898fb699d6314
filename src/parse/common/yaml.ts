/**
 * YAML (and JSON, which YAML 1.2 reads) with source spans: parse errors become
 * diagnostics, and a data path (from zod or ajv) maps back to the YAML node's
 * range. Shared by every reader of YAML/JSON input (IR, GoBGP, Kubernetes).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Sink } from '../../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../../source.js';

export const YAML_LIMITS = {
  /** Alias expansion limit: refuses "billion laughs" documents. */
  maxAliasCount: 1000,
  /** Maximum nesting depth of collections. */
  maxDepth: 200,
};

export interface YamlDoc {
  doc: Document.Parsed;
  file: SourceFile;
}

/** Parses one YAML/JSON document; syntax errors are reported, `undefined` when unusable. */
export function parseYaml(file: SourceFile, sink: Sink): { yaml: YamlDoc; data: unknown } | undefined {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true, strict: true });
  let fatal = false;
  for (const e of doc.errors) {
    fatal = true;
    sink.report('parse/syntax', e.message.split('\n')[0] ?? e.message, { span: file.span(e.pos[0], e.pos[1]) });
  }
  for (const w of doc.warnings) {
    sink.report('parse/unrecognized', w.message.split('\n')[0] ?? w.message, { span: file.span(w.pos[0], w.pos[1]) });
  }
  if (fatal) return undefined;
  if (depthOf(doc.contents) > YAML_LIMITS.maxDepth) {
    sink.report('parse/invalid', `nesting deeper than ${YAML_LIMITS.maxDepth} levels`, { span: file.span(0, 0) });
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (e) {
    sink.report('parse/invalid', `cannot read the document: ${(e as Error).message}`, { span: file.span(0, 0) });
    return undefined;
  }
  return { yaml: { doc, file }, data };
}

/** Nesting depth of a YAML node (maps and sequences), cut off past the limit. */
export function depthOf(node: unknown, depth = 0): number {
  if (depth > YAML_LIMITS.maxDepth) return depth;
  if (isMap(node)) {
    let max = depth + 1;
    for (const item of node.items) max = Math.max(max, depthOf(item.value, depth + 1));
    return max;
  }
  if (isSeq(node)) {
    let max = depth + 1;
    for (const item of node.items) max = Math.max(max, depthOf(item, depth + 1));
    return max;
  }
  return depth;
}

/** The node at `path` below `root`; with `atKey`, the key node. Falls back to the deepest existing ancestor. */
export function nodeAt(root: unknown, path: readonly PropertyKey[], atKey = false): Node | undefined {
  let node: unknown = root;
  let keyNode: unknown;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      keyNode = undefined;
      node = node.items[seg];
    } else {
      break;
    }
  }
  return ((atKey && keyNode ? keyNode : node) ?? undefined) as Node | undefined;
}

export function spanOfNode(file: SourceFile, node: Node | undefined): Span {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  return range ? file.span(range[0], range[1]) : file.span(0, 0);
}

/**
 * The span of the node at `path` (keys and indices). With `atKey`, the span of
 * the map key instead of its value (for "unknown key" diagnostics). Falls back
 * to the deepest existing ancestor.
 */
export function spanAt(y: YamlDoc, path: readonly PropertyKey[], atKey = false): Span {
  return spanOfNode(y.file, nodeAt(y.doc.contents, path, atKey));
}
