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

/**
 * One node per path segment. Array-of-tables elements (`[[neighbors]]`) are
 * `elems` of the array's node, so a lookup walks the data path segment by
 * segment with no string joins (a 1M-entry config has millions of keys).
 */
class PathNode {
  start = -1;
  end = -1;
  kids: Map<string, PathNode> | undefined;
  elems: PathNode[] | undefined;
  /** Offsets just past this table's header line(s): its keys follow there, indexed on first lookup. */
  bodies: number[] | undefined;

  kid(name: string): PathNode {
    this.kids ??= new Map();
    let k = this.kids.get(name);
    if (!k) {
      k = new PathNode();
      this.kids.set(name, k);
    }
    return k;
  }

  mark(start: number, end: number, always: boolean): void {
    if (always || this.start < 0) {
      this.start = start;
      this.end = end;
    }
  }
}

function isBare(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

export function scanToml(text: string): TomlSpans {
  const root = new PathNode();
  let table = root;
  let i = 0;
  const n = text.length;

  const skipSpaces = () => {
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  };
  const skipToEol = () => {
    const e = text.indexOf('\n', i);
    i = e < 0 ? n : e;
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
      if (text.charCodeAt(i) === 46 /* . */) i++;
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
    const qc = q.charCodeAt(0);
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === qc || c === 10) break;
      if (qc === 34 && c === 92 /* \\ */) i++;
      i++;
    }
    i++;
  };
  /** Skips a value: strings, nested arrays and inline tables, comments inside arrays. */
  const skipValue = () => {
    let depth = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34 || c === 39) {
        skipString();
        continue;
      }
      if (c === 91 || c === 123) depth++;
      else if (c === 93 || c === 125) depth--;
      else if (c === 35 /* # */) {
        skipToEol();
        if (depth <= 0) return;
        continue;
      } else if (c === 10 && depth <= 0) return;
      i++;
    }
  };
  /** Array-of-tables node of each element created by a header (for the repeated-header shortcut). */
  const arrayOf = new WeakMap<PathNode, PathNode>();
  /** The node of a table header's path: every part but the last goes into the newest element of an array of tables. */
  const header = (parts: string[], isArray: boolean, start: number, end: number): PathNode => {
    let node = root;
    parts.forEach((p, k) => {
      node = node.kid(p);
      const last = k === parts.length - 1;
      if (last && isArray) {
        node.mark(start, end, false);
        const elem = new PathNode();
        (node.elems ??= []).push(elem);
        arrayOf.set(elem, node);
        node = elem;
        node.mark(start, end, true);
      } else {
        if (node.elems && node.elems.length > 0) {
          node.mark(start, end, false);
          node = node.elems[node.elems.length - 1]!;
        }
        node.mark(start, end, last);
      }
    });
    return node;
  };

  /** Skips a dotted key without building it (the first pass only needs to get past it). */
  const skipKey = (): boolean => {
    const s0 = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34 || c === 39) skipString();
      else if (isBare(c) || c === 46 || c === 32 || c === 9) i++;
      else break;
    }
    return i > s0;
  };
  /** Indexes the keys of a table's body: `k = v` lines up to the next header. */
  /** Skips blank lines, indentation and comments; the code of the next character, or -1 at the end. */
  const nextLine = (): number => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 10) i++;
      else if (c === 35 /* # */) skipToEol();
      else return c;
    }
    return -1;
  };
  const keysOf = (table: PathNode, from: number): void => {
    i = from;
    for (let c = nextLine(); c >= 0; c = nextLine()) {
      if (c === 91 /* [ */) return;
      const { parts, start, end } = readKey();
      if (parts.length === 0) {
        skipToEol();
        continue;
      }
      let node = table;
      for (const p of parts) {
        node = node.kid(p);
        node.mark(start, end, false);
      }
      skipSpaces();
      if (text.charCodeAt(i) === 61 /* = */) {
        i++;
        skipSpaces();
        skipValue();
      } else skipToEol();
    }
  };
  const indexed = new Set<PathNode>();
  const withKeys = (node: PathNode): PathNode => {
    if (node.bodies && !indexed.has(node)) {
      indexed.add(node);
      for (const b of node.bodies) keysOf(node, b);
    }
    return node;
  };

  // First pass: table headers only; keys are skipped (values can span lines).
  const last: { raw: string; len: number; array: PathNode | undefined } = { raw: '', len: 0, array: undefined };
  (root.bodies ??= []).push(0);
  for (let c = nextLine(); c >= 0; c = nextLine()) {
    if (c === 91 /* [ */) {
      const start = i;
      const isArray = text.charCodeAt(i + 1) === 91;
      const eol = text.indexOf('\n', i);
      const raw = text.slice(start, eol < 0 ? n : eol);
      if (isArray && raw === last.raw && last.array) {
        // The same `[[a.b.c]]` line as the header just before (a list of entries):
        // the array's node is known, only a new element is added.
        const elem = new PathNode();
        elem.mark(start, start + last.len, true);
        last.array.elems!.push(elem);
        table = elem;
      } else {
        i += isArray ? 2 : 1;
        const { parts } = readKey();
        skipSpaces();
        i += isArray ? 2 : 1;
        table = header(parts, isArray, start, i);
        last.raw = raw;
        last.len = i - start;
        last.array = isArray ? arrayOf.get(table) : undefined;
      }
      i = start + raw.length;
      (table.bodies ??= []).push(i);
      continue;
    }
    if (!skipKey()) {
      skipToEol();
      continue;
    }
    if (text.charCodeAt(i) === 61 /* = */) {
      i++;
      skipSpaces();
      skipValue();
    } else skipToEol();
  }
  void table;

  return {
    find(path) {
      let node: PathNode = root;
      let hit: [number, number] = [0, 0];
      for (const seg of path) {
        const elems: PathNode[] | undefined = node.elems;
        const idx: number | undefined = typeof seg === 'number' ? seg : typeof seg === 'string' && elems && /^\d+$/.test(seg) ? Number(seg) : undefined;
        const next: PathNode | undefined = idx !== undefined && elems ? elems[idx] : withKeys(node).kids?.get(String(seg));
        if (!next) break;
        node = next;
        if (node.start >= 0) hit = [node.start, node.end];
      }
      return hit;
    },
  };
}
