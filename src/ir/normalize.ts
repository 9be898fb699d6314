/**
 * Canonical form for comparing IR documents (prettier's massageAstNode):
 * drops `origin` spans and the `sources` list, removes undefined values and
 * empty arrays (an empty object is kept: an empty label selector selects
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

/** Removes undefined values and empty arrays (and `origin` unless kept). */
export function prune(value: unknown, keepOrigin = true): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v, keepOrigin));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (!keepOrigin && k === 'origin') continue;
      const p = prune(v, keepOrigin);
      if (Array.isArray(p) && p.length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}
