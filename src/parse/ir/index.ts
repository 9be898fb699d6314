/**
 * Reader for the `ir` format: an IR document in JSON or YAML, checked against
 * the zod schema. Schema errors point at the offending YAML/JSON node. An IR
 * document is taken as it is: no origins are added, so `--to ir` round-trips.
 */
import { Sink } from '../../diagnostics/diagnostic.js';
import { IR_VERSION, IrDocument } from '../../ir/schema.js';
import type { ReadOptions, ReadResult } from '../../pipeline-types.js';
import type { SourceFile } from '../../source.js';
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
  return { doc, diagnostics: sink.list };
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
