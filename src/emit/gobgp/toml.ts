/**
 * A small TOML writer for gobgpd configs: plain tables become `[a.b]`
 * headers (left out when they hold no value of their own), lists of tables
 * become `[[a.b]]`, everything else is an inline value. Nested headers are
 * indented two spaces per level, as in GoBGP's documentation. Key order is
 * the object's order; scalar keys come before sub-tables (TOML needs that).
 */

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTableList(v: unknown): v is Obj[] {
  return Array.isArray(v) && v.length > 0 && v.every(isObj);
}

const bareKeys = new Map<string, string>();

function key(k: string): string {
  let out = bareKeys.get(k);
  if (out === undefined) {
    out = /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
    if (bareKeys.size < 10_000) bareKeys.set(k, out);
  }
  return out;
}

function inline(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (isObj(v)) {
    const parts = Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== null)
      .map(([k, x]) => `${key(k)} = ${inline(x)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  }
  return JSON.stringify(String(v));
}

export function toToml(root: Obj): string {
  const out: string[] = [];
  const indent = (n: number) => '  '.repeat(n);
  /** `level`: how many headers enclose this one (its indentation). `name`: the dotted header name of `obj`. */
  const table = (obj: Obj, name: string, header: string | undefined, level: number): void => {
    let inner = '';
    let childLevel = level;
    if (header !== undefined) {
      if (out.length > 0 && level === 0) out.push('');
      out.push(`${indent(level)}${header}`);
      inner = indent(level + 1);
      childLevel = level + 1;
    }
    // One pass to sort the keys: scalars are written first (TOML needs that), tables after, in key order.
    const subs: [string, unknown, boolean][] = [];
    for (const k in obj) {
      const v = obj[k];
      if (v === undefined || v === null) continue;
      if (isObj(v)) subs.push([k, v, false]);
      else if (isTableList(v)) subs.push([k, v, true]);
      else out.push(`${inner}${key(k)} = ${inline(v)}`);
    }
    for (const [k, v, list] of subs) {
      const sub = name === '' ? key(k) : `${name}.${key(k)}`;
      if (list) {
        const h = `[[${sub}]]`;
        for (const item of v as Obj[]) table(item, sub, h, childLevel);
      } else {
        const o = v as Obj;
        let hasOwn = false;
        let any = false;
        for (const kk in o) {
          any = true;
          const x = o[kk];
          if (x !== undefined && x !== null && !isObj(x) && !isTableList(x)) {
            hasOwn = true;
            break;
          }
        }
        table(o, sub, hasOwn || !any ? `[${sub}]` : undefined, childLevel);
      }
    }
  };
  table(root, '', undefined, 0);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
