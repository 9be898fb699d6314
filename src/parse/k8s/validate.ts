/**
 * Validation of Kubernetes resources against the upstream CRD schemas (the
 * openAPIV3Schema of each CRD version, extracted into crd-schemas/ by
 * scripts/gen-crd-schemas.mjs). Ajv runs like the API server would: unknown
 * x-kubernetes-* keywords allowed, CEL rules not evaluated, null values pruned,
 * `.status` ignored when the version has the status subresource, Kubernetes
 * `cidr` and Go `duration` formats.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { crdSchemas } from './crd-schemas/index.js';

export interface CrdInfo {
  source: string;
  group: string;
  version: string;
  kind: string;
  served: boolean;
  storage: boolean;
  deprecated: boolean;
  statusSubresource: boolean;
  schema: Record<string, unknown>;
}

const byKey = new Map<string, CrdInfo>();
for (const s of crdSchemas as unknown as CrdInfo[]) byKey.set(`${s.group}/${s.version}/${s.kind}`, s);

export function crdFor(apiVersion: string, kind: string): CrdInfo | undefined {
  return byKey.get(`${apiVersion}/${kind}`);
}

export function allCrds(): CrdInfo[] {
  return [...byKey.values()];
}

/** Go (RE2) patterns → JS: inline flag groups, (?P<name>), \A \z. */
function goRegExp(src: string, flags?: string): RegExp {
  let f = flags ?? '';
  let s = String(src);
  s = s.replace(/\(\?([imsU]+)\)/g, (_m, fl: string) => {
    for (const c of fl) if ('ims'.includes(c) && !f.includes(c)) f += c;
    return '';
  });
  s = s.replace(/\(\?P</g, '(?<').replace(/\\A/g, '^').replace(/\\z/g, '$');
  try {
    return new RegExp(s, f);
  } catch {
    return new RegExp(s, f.replace('u', ''));
  }
}
(goRegExp as unknown as { code: string }).code = 'new RegExp';

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

let ajv: Ajv | undefined;
function getAjv(): Ajv {
  if (ajv) return ajv;
  const a = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false, code: { regExp: goRegExp as never } });
  const addFormats = (addFormatsModule as unknown as { default?: (a: Ajv) => void }).default ?? (addFormatsModule as unknown as (a: Ajv) => void);
  addFormats(a);
  a.addFormat('cidr', {
    type: 'string',
    validate: (s: string) => {
      const m = /^(.+)\/(\d{1,3})$/.exec(s);
      if (!m) return false;
      const ip = m[1]!;
      const len = Number(m[2]);
      const v4 = V4.test(ip);
      const v6 = !v4 && /^[0-9a-fA-F:.]+$/.test(ip) && ip.includes(':');
      return (v4 && len <= 32) || (v6 && len <= 128);
    },
  });
  a.addFormat('duration', { type: 'string', validate: (s: string) => /^\s*(\d+(\.\d+)?\s*(ns|us|µs|ms|s|m|h|d|w)\s*)+$/.test(s) || /^\d+$/.test(s) });
  ajv = a;
  return a;
}

const compiled = new Map<string, ValidateFunction | { error: string }>();

function validatorFor(info: CrdInfo): ValidateFunction | { error: string } {
  const key = `${info.group}/${info.version}/${info.kind}`;
  let v = compiled.get(key);
  if (!v) {
    try {
      v = getAjv().compile(info.schema);
    } catch (e) {
      v = { error: `schema compile error: ${(e as Error).message}` };
    }
    compiled.set(key, v);
  }
  return v;
}

function pruneNulls(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(pruneNulls);
  if (!x || typeof x !== 'object') return x;
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) if (v !== null) o[k] = pruneNulls(v);
  return o;
}

export interface SchemaError {
  /** Data path segments (object keys and array indices). */
  path: (string | number)[];
  message: string;
}

/** Validates one object against its CRD version; `undefined` when no schema is stored. */
export function validateResource(data: Record<string, unknown>, info: CrdInfo): SchemaError[] {
  const v = validatorFor(info);
  if ('error' in v) return [{ path: [], message: v.error }];
  let obj = pruneNulls(data) as Record<string, unknown>;
  if (info.statusSubresource && obj['status'] !== undefined) {
    obj = { ...obj };
    delete obj['status'];
  }
  if (v(obj)) return [];
  return dedupe((v.errors ?? []).map(toError));
}

function toError(e: ErrorObject): SchemaError {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const params = e.params as { allowedValues?: unknown[]; missingProperty?: string; additionalProperty?: string };
  let message = e.message ?? 'is invalid';
  if (params.allowedValues) message += ` ${JSON.stringify(params.allowedValues)}`;
  const where = path.length === 0 ? '(object)' : path.join('.');
  return { path, message: `${where} ${message}` };
}

function dedupe(errs: SchemaError[]): SchemaError[] {
  const seen = new Set<string>();
  return errs.filter((e) => (seen.has(e.message) ? false : (seen.add(e.message), true)));
}
