/**
 * Reader for the `ir` format: an IR document in JSON or YAML, checked against
 * the zod schema. Schema errors point at the offending YAML/JSON node. Nodes
 * without an `origin` get their span in this file; the ir writer drops origins
 * that point into IR inputs, so `--to ir` round-trips.
 */
import { Sink } from '../../diagnostics/diagnostic.js';
import { IR_VERSION, IrDocument } from '../../ir/schema.js';
import type { ReadOptions, ReadResult } from '../../pipeline-types.js';
import type { SourceFile, Span } from '../../source.js';
import { parseYaml, spanAt } from '../common/yaml.js';
import { emptyDocument } from '../../ir/build.js';

export function parseIr(file: SourceFile, _opts: ReadOptions = {}): ReadResult {
  const sink = new Sink();
  const parsed = parseYaml(file, sink);
  if (!parsed) return { doc: emptyDocument(), diagnostics: sink.list };
  const { yaml, data } = parsed;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    sink.report('ir/invalid', 'an IR document is a mapping with irVersion, sources, speakers', { span: spanAt(yaml, []) });
    return { doc: emptyDocument(), diagnostics: sink.list };
  }
  const version = (data as Record<string, unknown>)['irVersion'];
  if (version !== IR_VERSION) {
    sink.report(
      'ir/version',
      version === undefined
        ? `not an IR document: irVersion is missing (this bgpc reads irVersion "${IR_VERSION}")`
        : `irVersion ${JSON.stringify(version)} is not supported (this bgpc reads irVersion "${IR_VERSION}")`,
      { span: spanAt(yaml, ['irVersion']) },
    );
    return { doc: emptyDocument(), diagnostics: sink.list };
  }
  const result = IrDocument.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (unknownKeys.length > 0) {
        for (const key of unknownKeys) {
          sink.report('ir/invalid', `unknown field "${key}" at ${pathText(issue.path)}`, {
            span: spanAt(yaml, [...issue.path, key], true),
          });
        }
      } else {
        sink.report('ir/invalid', `${pathText(issue.path)}: ${issue.message}`, { span: spanAt(yaml, issue.path) });
      }
    }
    return { doc: emptyDocument(), diagnostics: sink.list };
  }
  const doc = result.data;
  checkUniqueIds(doc, sink, (path) => spanAt(yaml, path));
  // Provenance: nodes without an origin get their span in this file, so lint and emit
  // diagnostics point into it. The ir writer leaves these out again (see emit/ir).
  addOrigins(doc, undefined, undefined, [], (path) => spanAt(yaml, path));
  doc.sources.push({ file: file.name, format: 'ir' });
  return { doc, diagnostics: sink.list };
}

/** Array keys whose object elements carry `origin`, and object-valued fields that do. */
const originContainers = new Set([
  'speakers', 'peers', 'peerGroups', 'listenRanges', 'families', 'networks', 'aggregates', 'redistribute',
  'prefixSets', 'communitySets', 'asPathSets', 'neighborSets', 'policies', 'statements', 'conditions', 'actions',
  'entries', 'chain', 'bfdProfiles', 'pools', 'addresses', 'advertisements', 'raw', 'nodes', 'nodeOverrides',
]);
const originFields = new Set([
  'timers', 'gracefulRestart', 'bfd', 'multihop', 'localAs', 'listen', 'options', 'import', 'export',
  'prefixLimit', 'exportLimit', 'capabilities', 'globalPolicy', 'raw',
]);

function addOrigins(value: unknown, key: string | undefined, parentKey: string | undefined, path: PropertyKey[], spanOf: (p: PropertyKey[]) => Span): void {
  if (Array.isArray(value)) {
    const elementsHaveOrigin = key !== undefined && originContainers.has(key) && !(key === 'peers' && parentKey === 'nodeOverrides');
    value.forEach((v, i) => {
      if (elementsHaveOrigin && isObject(v) && v['origin'] === undefined) v['origin'] = [spanOf([...path, i])];
      addOrigins(v, undefined, key, [...path, i], spanOf);
    });
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'origin') continue;
    if (isObject(v) && originFields.has(k) && v['origin'] === undefined) v['origin'] = [spanOf([...path, k])];
    addOrigins(v, k, key ?? parentKey, [...path, k], spanOf);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(document)';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function checkUniqueIds(doc: IrDocument, sink: Sink, spanOf: (path: PropertyKey[]) => ReturnType<typeof spanAt>): void {
  const seen = new Set<string>();
  doc.speakers.forEach((s, i) => {
    if (seen.has(s.id)) sink.report('ir/duplicate-id', `speaker id "${s.id}" is used twice`, { span: spanOf(['speakers', i, 'id']) });
    seen.add(s.id);
    const peerIds = new Set<string>();
    s.peers.forEach((p, j) => {
      if (peerIds.has(p.id)) {
        sink.report('ir/duplicate-id', `peer id "${p.id}" is used twice in speaker "${s.id}"`, {
          span: spanOf(['speakers', i, 'peers', j, 'id']),
        });
      }
      peerIds.add(p.id);
    });
  });
}
