/**
 * YAML (and JSON, which YAML 1.2 reads) with source spans: parse errors become
 * diagnostics, and a data path (from zod or ajv) maps back to the YAML node's
 * range. Shared by every reader of YAML/JSON input (IR, GoBGP, Kubernetes).
 */
import { Composer, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Parser, visit, type CST, type Document, type Node } from 'yaml';
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
  const docs = composeYaml(file, sink, true);
  if (docs.length > 1) {
    sink.report('parse/syntax', 'a second YAML document: this format reads one document per file', { span: file.span(docs[1]!.doc.range[0], docs[1]!.doc.range[1]) });
    return undefined;
  }
  const one = docs[0];
  if (!one?.ok) return undefined;
  const data = toJsOrReport(one.doc, file, sink);
  return data.ok ? { yaml: { doc: one.doc, file }, data: data.value } : undefined;
}

/**
 * The documents of a YAML stream, composed by the yaml library. Its composer recurses once per
 * nesting level, so the nesting is measured on the parser's tokens first (iteratively) and a
 * document nested deeper than the limit is refused at the collection that crosses it, before it is
 * composed. Syntax errors and warnings are reported (an unterminated quoted scalar at its opening
 * quote); `ok` is false for a document that has errors or was refused.
 */
export function composeYaml(file: SourceFile, sink: Sink, forceDoc = false): { doc: Document.Parsed; ok: boolean }[] {
  const tokens = Array.from(new Parser().parse(file.text));
  const refused: boolean[] = [];
  const shallow = tokens.map((t) => {
    if (t.type !== 'document') return t;
    const deep = t.value ? tooDeep(t.value) : undefined;
    refused.push(deep !== undefined);
    if (deep === undefined) return t;
    sink.report('parse/invalid', `nesting deeper than ${YAML_LIMITS.maxDepth} levels`, { span: file.span(deep, deep + 1) });
    const { value: _v, ...rest } = t;
    return rest as CST.Document;
  });
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, strict: true });
  const docs = Array.from(composer.compose(shallow, forceDoc, file.text.length)) as Document.Parsed[];
  return docs.map((doc, i) => {
    for (const e of doc.errors) {
      const at = /^Missing closing ["']quote/.test(e.message) ? openingQuote(tokens, e.pos[0]) : undefined;
      const span = at !== undefined ? file.span(at, at + 1) : file.span(e.pos[0], e.pos[1]);
      sink.report('parse/syntax', at !== undefined ? `${e.message.split('\n')[0]} (the string opened here runs to the end of the file)` : (e.message.split('\n')[0] ?? e.message), { span });
    }
    for (const w of doc.warnings) sink.report('parse/unrecognized', w.message.split('\n')[0] ?? w.message, { span: file.span(w.pos[0], w.pos[1]) });
    return { doc, ok: doc.errors.length === 0 && !refused[i] };
  });
}

/** `doc.toJS()` within the alias limit; past it, reported at the alias that crosses it (else at the document). */
export function toJsOrReport(doc: Document.Parsed, file: SourceFile, sink: Sink): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) };
  } catch (e) {
    const message = (e as Error).message;
    const alias = /alias count/i.test(message) ? aliasPastLimit(doc) : undefined;
    const node = alias ?? (doc.contents as Node | null) ?? undefined;
    const what = alias ? `alias *${alias.source} takes the aliases expanded past the limit of ${YAML_LIMITS.maxAliasCount} (an alias bomb?)` : `cannot read the document: ${message}`;
    sink.report('parse/invalid', what, { span: spanOfNode(file, node) });
    return { ok: false };
  }
}

type CstItem = CST.CollectionItem;

/** Offset of the first collection nested deeper than the limit, walking the tokens without recursion. */
function tooDeep(root: CST.Token): number | undefined {
  const stack: [CST.Token, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') continue;
    if (depth + 1 > YAML_LIMITS.maxDepth) return t.offset;
    // Reversed, so the first deep collection in document order is found first.
    for (const item of [...(t.items as CstItem[])].reverse()) {
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return undefined;
}

/** The opening quote of the quoted scalar that ends at `end` (an unterminated one runs to the end of the input). */
function openingQuote(tokens: CST.Token[], end: number): number | undefined {
  const stack = [...tokens];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && t.offset + t.source.length === end) return t.offset;
    if (t.type === 'document' && t.value) stack.push(t.value);
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const item of t.items as CstItem[]) {
        if (item.key) stack.push(item.key);
        if (item.value) stack.push(item.value);
      }
    }
  }
  return undefined;
}

/**
 * The alias at which the yaml library's alias limit is crossed: aliases resolve in document order;
 * each resolution of an anchor counts once, weighted by the aliases its node holds (what the
 * library counts).
 */
function aliasPastLimit(doc: Document.Parsed): (Node & { source: string }) | undefined {
  const order: Node[] = [];
  visit(doc, { Node: (_k, n) => void ((isAlias(n) || (n as { anchor?: string }).anchor) && order.push(n as Node)) });
  // An alias names the last node before it with that anchor.
  const last = new Map<string, Node>();
  const target = new Map<Node, Node | undefined>();
  const count = new Map<Node, number>();
  const weight = new Map<Node, number>();
  const weightOf = (n: unknown): number => {
    if (isAlias(n)) {
      const t = target.get(n as Node);
      return t ? (count.get(t) ?? 0) * (weight.get(t) ?? 0) : 0;
    }
    if (isCollection(n)) return (n.items as unknown[]).reduce<number>((m, x) => Math.max(m, weightOf(x)), 0);
    if (isPair(n)) return Math.max(weightOf(n.key), weightOf(n.value));
    return 1;
  };
  for (const n of order) {
    if (!isAlias(n)) {
      last.set((n as { anchor: string }).anchor, n);
      continue;
    }
    const t = last.get(n.source);
    target.set(n, t);
    if (!t) continue;
    count.set(t, (count.get(t) ?? 0) + 1);
    if (!weight.get(t)) weight.set(t, weightOf(t));
    if (count.get(t)! * weight.get(t)! > YAML_LIMITS.maxAliasCount) return n as Node & { source: string };
  }
  return undefined;
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
