/**
 * Writer for the `ir` format: the document in canonical key order (the
 * schema's), without empty lists, as JSON (default) or YAML. With
 * `effective`, defaults are applied first (resolve()).
 */
import { stringify } from 'yaml';
import { prune } from '../../ir/normalize.js';
import { resolve } from '../../ir/resolve.js';
import { IrDocument } from '../../ir/schema.js';
import type { WriteOptions, WriteResult } from '../../pipeline-types.js';

export function emitIr(doc: IrDocument, opts: WriteOptions = {}): WriteResult {
  let d = doc;
  const diagnostics = [];
  if (opts.effective) {
    const r = resolve(doc);
    d = r.doc;
    diagnostics.push(...r.diagnostics);
  }
  // Re-parse to get the schema's key order regardless of how the document was built.
  const canonical = prune(IrDocument.parse(d));
  const text =
    opts.encoding === 'yaml'
      ? stringify(canonical, { lineWidth: 0, aliasDuplicateObjects: false })
      : `${JSON.stringify(canonical, null, 2)}\n`;
  return { text, diagnostics };
}
