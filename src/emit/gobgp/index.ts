/**
 * Writers for gobgpd configs: TOML (`gobgp`, gobgpd's default), YAML
 * (`gobgp-yaml`, as loxilb ships it) and JSON (`gobgp-json`). One config
 * object (build.ts) in three encodings; key order is fixed by the builder.
 */
import { stringify } from 'yaml';
import { Sink } from '../../diagnostics/diagnostic.js';
import type { IrDocument } from '../../ir/schema.js';
import type { WriteOptions, WriteResult, Writer } from '../../pipeline-types.js';
import { buildGobgp } from './build.js';
import { toToml } from './toml.js';

export type GobgpEncoding = 'toml' | 'yaml' | 'json';

export function emitGobgp(doc: IrDocument, encoding: GobgpEncoding, _opts: WriteOptions = {}): WriteResult {
  const sink = new Sink();
  const obj = buildGobgp(doc, sink);
  const text =
    encoding === 'toml'
      ? toToml(obj)
      : encoding === 'yaml'
        ? stringify(obj, { lineWidth: 0, aliasDuplicateObjects: false })
        : `${JSON.stringify(obj, null, 2)}\n`;
  return { text, diagnostics: sink.list };
}

export const emitGobgpToml: Writer = (doc, opts) => emitGobgp(doc, 'toml', opts);
export const emitGobgpYaml: Writer = (doc, opts) => emitGobgp(doc, 'yaml', opts);
export const emitGobgpJson: Writer = (doc, opts) => emitGobgp(doc, 'json', opts);
