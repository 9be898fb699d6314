/**
 * Canonical form for comparing IR documents (prettier's massageAstNode):
 * drops `origin` spans and the `sources` list, removes undefined values,
 * empty arrays and empty objects (except an empty `...Selector`, which selects
 * everything), keeps order (order is meaningful in policies).
 */
import type { IrDocument } from './schema.js';

export interface NormalizeOptions {
  /** Keep `origin` spans (default false). */
  keepOrigin?: boolean;
  /** Keep the `sources` list (default false). */
  keepSources?: boolean;
}

export function normalize(doc: IrDocument, opts: NormalizeOptions = {}): unknown {
  const cleaned = prune(doc, opts.keepOrigin ?? false) as Record<string, unknown>;
  if (!opts.keepSources) delete cleaned['sources'];
  return cleaned;
}

/** Removes undefined values, empty arrays and empty non-selector objects (and `origin` unless kept). */
export function prune(value: unknown, keepOrigin = true): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v, keepOrigin));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (!keepOrigin && k === 'origin') continue;
      const p = prune(v, keepOrigin);
      if (Array.isArray(p) && p.length === 0) continue;
      if (isEmptyObject(p) && !k.endsWith('Selector')) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}

function isEmptyObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}
