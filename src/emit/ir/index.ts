/**
 * Writer for the `ir` format: the document in canonical key order (the
 * schema's), without empty lists, as JSON (default) or YAML. With
 * `effective`, defaults are applied first (resolve()).
 */
import { stringify } from 'yaml';
import { prune } from '../../ir/normalize.js';
import { resolve } from '../../ir/resolve.js';
import { redactDocument } from '../../ir/secrets.js';
import { IrDocument } from '../../ir/schema.js';
import type { WriteOptions, WriteResult } from '../../pipeline-types.js';
import { pushAll } from '../../arrays.js';

export function emitIr(doc: IrDocument, opts: WriteOptions = {}): WriteResult {
  let d = doc;
  const diagnostics: WriteResult['diagnostics'] = [];
  if (opts.effective) {
    const r = resolve(doc);
    d = r.doc;
    pushAll(diagnostics, r.diagnostics);
  }
  if (opts.redactSecrets) d = redactDocument(d);
  // Re-parse to get the schema's key order regardless of how the document was built.
  const canonical = prune(withoutIrProvenance(IrDocument.parse(d)));
  const text =
    opts.encoding === 'yaml'
      ? stringify(canonical, { lineWidth: 0, aliasDuplicateObjects: false })
      : `${JSON.stringify(canonical, null, 2)}\n`;
  return { text, diagnostics };
}

/**
 * Spans that point into IR inputs were added by the IR reader for diagnostics;
 * they are not written back (the IR text is its own provenance), so reading and
 * writing an IR document gives it back unchanged.
 */
function withoutIrProvenance(doc: IrDocument): IrDocument {
  const irFiles = new Set(doc.sources.filter((s) => s.format === 'ir').map((s) => s.file));
  if (irFiles.size === 0) return doc;
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'origin' && Array.isArray(x)) {
        const kept = x.filter((span: { file: string }) => !irFiles.has(span.file));
        if (kept.length > 0) out[k] = kept;
      } else {
        out[k] = strip(x);
      }
    }
    return out;
  };
  const stripped = strip(doc) as IrDocument;
  stripped.sources = doc.sources.filter((s) => s.format !== 'ir');
  return stripped;
}
