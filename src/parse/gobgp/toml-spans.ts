/**
 * Source positions for TOML documents. smol-toml returns plain data without
 * positions, so this scanner walks the text once (linear, no regex per line)
 * and records where every table header (`[a.b]`, `[[a]]`) and every key
 * (`k = v`, dotted keys included) sits, under its data path with the array
 * indices TOML implies (`[[neighbors]]` number n is `neighbors/n`).
 *
 * Keys inside inline tables are not indexed; a lookup falls back to the
 * nearest indexed ancestor.
 */

export interface TomlSpans {
  /** Offsets [start, end) of the key or header at `path`, or of its nearest indexed ancestor. */
  find(path: readonly PropertyKey[]): [number, number];
}

const SEP = '\u0000';

function isBare(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

export function scanToml(text: string): TomlSpans {
  const at = new Map<string, [number, number]>();
  const arrays = new Map<string, number>();
  let table: string[] = [];
  let i = 0;
  const n = text.length;

  const skipSpaces = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const skipToEol = () => {
    while (i < n && text[i] !== '\n') i++;
  };
  /** Reads a dotted key; stops before `=`, `]` or end of line. */
  const readKey = (): { parts: string[]; start: number; end: number } => {
    const parts: string[] = [];
    skipSpaces();
    const start = i;
    let end = i;
    while (i < n) {
      skipSpaces();
      const c = text[i];
      if (c === '"' || c === "'") {
        const q = c;
        let s = '';
        i++;
        while (i < n && text[i] !== q && text[i] !== '\n') {
          if (q === '"' && text[i] === '\\' && i + 1 < n) {
            s += text[i + 1];
            i += 2;
          } else s += text[i++];
        }
        i++;
        parts.push(s);
      } else {
        const s0 = i;
        while (i < n && isBare(text.charCodeAt(i))) i++;
        if (i === s0) break;
        parts.push(text.slice(s0, i));
      }
      end = i;
      skipSpaces();
      if (text[i] === '.') i++;
      else break;
    }
    return { parts, start, end };
  };
  /** Skips a string starting at i (any of the four TOML string forms). */
  const skipString = () => {
    const q = text[i]!;
    if (text.startsWith(q.repeat(3), i)) {
      const close = text.indexOf(q.repeat(3), i + 3);
      i = close < 0 ? n : close + 3;
      while (text[i] === q) i++;
      return;
    }
    i++;
    while (i < n && text[i] !== q && text[i] !== '\n') {
      if (q === '"' && text[i] === '\\') i++;
      i++;
    }
    i++;
  };
  /** Skips a value: strings, nested arrays and inline tables, comments inside arrays. */
  const skipValue = () => {
    let depth = 0;
    while (i < n) {
      const c = text[i]!;
      if (c === '"' || c === "'") {
        skipString();
        continue;
      }
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
      else if (c === '#') {
        skipToEol();
        if (depth <= 0) return;
        continue;
      } else if (c === '\n' && depth <= 0) return;
      i++;
    }
  };
  const resolve = (parts: string[], isArray: boolean): string[] => {
    const out: string[] = [];
    parts.forEach((p, k) => {
      out.push(p);
      const key = out.join(SEP);
      if (k === parts.length - 1 && isArray) {
        const count = arrays.get(key) ?? 0;
        arrays.set(key, count + 1);
        out.push(String(count));
      } else {
        const count = arrays.get(key);
        if (count !== undefined) out.push(String(count - 1));
      }
    });
    return out;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') {
      skipToEol();
      continue;
    }
    if (c === '[') {
      const start = i;
      const isArray = text[i + 1] === '[';
      i += isArray ? 2 : 1;
      const { parts } = readKey();
      skipSpaces();
      i += isArray ? 2 : 1;
      table = resolve(parts, isArray);
      for (let k = 1; k <= table.length; k++) {
        const key = table.slice(0, k).join(SEP);
        if (k === table.length || !at.has(key)) at.set(key, [start, i]);
      }
      skipToEol();
      continue;
    }
    const { parts, start, end } = readKey();
    if (parts.length === 0) {
      skipToEol();
      continue;
    }
    const path = [...table];
    for (const p of parts) {
      path.push(p);
      const key = path.join(SEP);
      if (!at.has(key)) at.set(key, [start, end]);
    }
    skipSpaces();
    if (text[i] === '=') {
      i++;
      skipSpaces();
      skipValue();
    } else skipToEol();
  }

  return {
    find(path) {
      const segs = path.map(String);
      for (let k = segs.length; k > 0; k--) {
        const hit = at.get(segs.slice(0, k).join(SEP));
        if (hit) return hit;
      }
      return [0, 0];
    },
  };
}
