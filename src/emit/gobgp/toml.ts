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

function key(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
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
  /** `level`: how many headers enclose this one (its indentation). */
  const table = (obj: Obj, path: string[], header: string | undefined, level: number): void => {
    const scalars = Object.entries(obj).filter(([, v]) => v !== undefined && v !== null && !isObj(v) && !isTableList(v));
    let inner = '';
    let childLevel = level;
    if (header !== undefined) {
      if (out.length > 0 && level === 0) out.push('');
      out.push(`${'  '.repeat(level)}${header}`);
      inner = '  '.repeat(level + 1);
      childLevel = level + 1;
    }
    for (const [k, v] of scalars) out.push(`${inner}${key(k)} = ${inline(v)}`);
    for (const [k, v] of Object.entries(obj)) {
      const p = [...path, k];
      const name = p.map(key).join('.');
      if (isObj(v)) {
        const hasOwn = Object.values(v).some((x) => x !== undefined && x !== null && !isObj(x) && !isTableList(x));
        table(v, p, hasOwn || Object.keys(v).length === 0 ? `[${name}]` : undefined, childLevel);
      } else if (isTableList(v)) {
        for (const item of v) table(item, p, `[[${name}]]`, childLevel);
      }
    }
  };
  table(root, [], undefined, 0);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
