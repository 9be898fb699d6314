/**
 * Secrets (BGP passwords) never appear in diagnostics, lint output or `bgpc
 * parse` output unless asked (--show-secrets). Writers of real configs carry
 * them where the target needs them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { IrDocument } from './schema.js';

export const REDACTED = '<redacted>';

/** Every literal secret value in the document. */
export function collectSecrets(doc: IrDocument): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['kind'] === 'literal' && typeof o['value'] === 'string' && o['value'] !== '') out.add(o['value']);
      // A Secret is a session setting; policies and origins (most of a big
      // document) never hold one, so they are not walked.
      for (const k in o) if (k !== 'policy' && k !== 'origin') walk(o[k]);
    }
  };
  walk(doc.speakers);
  return [...out].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One compiled pattern per secret, shared by every call (a big config has thousands of passwords and diagnostics). */
const patterns = new Map<string, RegExp>();

function patternOf(secret: string): RegExp {
  let re = patterns.get(secret);
  if (!re) {
    if (patterns.size > 100_000) patterns.clear();
    re = new RegExp(`(^|[\\s"'=:,(])${escape(secret)}(?=$|[\\s"';,)])`, 'gm');
    patterns.set(secret, re);
  }
  return re;
}

/** Replaces each secret where it stands as a token (delimited by space, quotes, = or line ends). */
export function maskText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    // A plain substring search first: almost every text holds none of the secrets.
    if (out.includes(s)) out = out.replace(patternOf(s), `$1${REDACTED}`);
  }
  return out;
}

export function maskDiagnostics(ds: Diagnostic[], secrets: readonly string[]): Diagnostic[] {
  if (secrets.length === 0) return ds;
  return ds.map((d) => ({
    ...d,
    message: maskText(d.message, secrets),
    ...(d.hint ? { hint: maskText(d.hint, secrets) } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, message: maskText(r.message, secrets) })) } : {}),
  }));
}

/** A copy with literal secrets replaced and raw text masked. */
export function redactDocument(doc: IrDocument): IrDocument {
  const secrets = collectSecrets(doc);
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['kind'] === 'literal' && typeof o['value'] === 'string' && key === 'password') return { ...o, value: REDACTED };
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, k)]));
    }
    if (typeof v === 'string' && (key === 'text' || key === 'value' || key === 'description') && secrets.length > 0) return maskText(v, secrets);
    return v;
  };
  return walk(doc) as IrDocument;
}
