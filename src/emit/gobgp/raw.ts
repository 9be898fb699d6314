/**
 * Raw nodes: a `gobgp` raw node holds the JSON of a value and the key path
 * (`context`) where it sat under its owner; it goes back to the same place
 * (`+` appends to a list; objects merge). Raw nodes of other dialects are
 * reported `emit/raw-foreign`.
 */
import type { Sink } from '../../diagnostics/diagnostic.js';
import type { RawNode } from '../../ir/schema.js';

export type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(a: unknown, b: unknown): unknown {
  if (isObj(a) && isObj(b)) {
    const out: Obj = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return b;
}

export function applyRaw(target: Obj, node: RawNode, sink: Sink, where: string): void {
  if (node.dialect !== 'gobgp') {
    sink.report('emit/raw-foreign', `${node.dialect} construct of ${where} cannot be written to GoBGP: ${firstLine(node.text)}`, {
      span: node.origin?.[0],
    });
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(node.text);
  } catch {
    sink.report('emit/not-rendered', `raw GoBGP value of ${where} is not JSON; left out`, { span: node.origin?.[0] });
    return;
  }
  const path = node.context ?? [];
  if (path.length === 0) {
    if (isObj(value)) Object.assign(target, merge(target, value) as Obj);
    return;
  }
  let cur: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    const nextIsIndex = /^\d+$/.test(path[i + 1]!) || path[i + 1] === '+';
    if (Array.isArray(cur)) {
      const idx = seg === '+' ? cur.length : Number(seg);
      cur[idx] ??= nextIsIndex ? [] : {};
      cur = cur[idx];
    } else if (isObj(cur)) {
      cur[seg] ??= nextIsIndex ? [] : {};
      cur = cur[seg];
    } else return;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(cur)) {
    if (last === '+') cur.push(value);
    else cur[Number(last)] = merge(cur[Number(last)], value);
  } else if (isObj(cur)) {
    cur[last] = last in cur ? merge(cur[last], value) : value;
  }
}

function firstLine(s: string): string {
  const l = s.split('\n')[0] ?? '';
  return l.length > 80 ? `${l.slice(0, 77)}...` : l;
}
