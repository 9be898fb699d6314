/** The only module that touches the filesystem, stdin/stdout/stderr and the process. */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import { decodeInput } from '../source-input.js';
import { SourceFile } from '../source.js';

export type ReadOutcome = { ok: true; data: Uint8Array } | { ok: false; error: string };

export function readInputBytes(path: string): ReadOutcome {
  try {
    if (path === '-') return { ok: true, data: readFileSync(0) };
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, error: `${path}: is a directory` };
    return { ok: true, data: readFileSync(path) };
  } catch (e) {
    return { ok: false, error: `${path}: ${describeFsError(e)}` };
  }
}

export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (e as Error).message;
  }
}

/** Same file? Compares resolved real paths when they exist, else absolute paths. */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolvePath(p);
    }
  };
  return real(a) === real(b);
}

/** Writes through a temporary file in the same directory and a rename: never a truncated file. */
/** The output file could not be written (a missing folder, no permission, a full disk): not a bug, exit 2. */
export class OutputError extends Error {}

export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.bgpc-tmp-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw new OutputError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}

export const stdout = (s: string): void => void process.stdout.write(s);
export const stderr = (s: string): void => void process.stderr.write(s);
export const stderrIsTty = (): boolean => Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'];

/** Set by the bundler (scripts/bundle.mjs); absent when running the unbundled build or the sources. */
declare const BGPC_VERSION: string | undefined;

export function packageVersion(): string {
  if (typeof BGPC_VERSION === 'string') return BGPC_VERSION;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Most files one glob `include` may bring in. */
export const MAX_INCLUDE_MATCHES = 1000;

export type IncludeLoader = (path: string, from: SourceFile) => SourceFile | SourceFile[] | { error: string };

/**
 * Loader for included files (BIRD `include`): relative to the including
 * file, and only inside the inputs' folders or a folder allowed with
 * --allow-include. A path with `*`, `?` or `[` is a pattern, expanded as
 * BIRD does with glob(3): every match (directories skipped, names starting
 * with a dot only when the pattern spells the dot) in byte order; a pattern
 * that matches nothing includes nothing and is no error, but a missing
 * folder before the first wildcard is. Every match must be allowed.
 */
export function includeLoader(allowedDirs: string[], maxBytes?: number): IncludeLoader {
  const roots = allowedDirs.map((d) => {
    try {
      return realpathSync(d);
    } catch {
      return resolvePath(d);
    }
  });
  const allowed = (real: string) =>
    roots.some((r) => {
      const rel = relative(r, real);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  const load = (full: string): SourceFile | { error: string } => {
    let real: string;
    try {
      real = realpathSync(full);
    } catch (e) {
      return { error: `${full}: ${describeFsError(e)}` };
    }
    if (!allowed(real)) return { error: `${full} is outside the input's folder (allow it with --allow-include DIR)` };
    const r = readInputBytes(full);
    if (!r.ok) return { error: r.error };
    // The size limit applies to every included file as to the inputs.
    const decoded = maxBytes === undefined ? decodeInput(full, r.data) : decodeInput(full, r.data, maxBytes);
    // An empty included file is fine in BIRD (an empty conf.d entry): it defines nothing.
    if (!decoded.file && decoded.diagnostics[0]?.code === 'input/empty') return new SourceFile(full, new TextDecoder().decode(r.data));
    if (!decoded.file) return { error: decoded.diagnostics[0]?.message ?? `${full}: unreadable` };
    return decoded.file;
  };
  return (path, from) => {
    const base = from.name === '<stdin>' ? process.cwd() : dirname(from.name);
    const full = isAbsolute(path) ? path : join(base, path);
    if (!/[*?[]/.test(path)) return load(full);
    const expanded = expandGlob(full);
    if ('error' in expanded) return expanded;
    const out: SourceFile[] = [];
    for (const match of expanded.paths) {
      try {
        if (statSync(match).isDirectory()) continue;
      } catch (e) {
        return { error: `${match}: ${describeFsError(e)}` };
      }
      const f = load(match);
      if ('error' in f) return { error: `${f.error} (matched by ${full})` };
      out.push(f);
    }
    return out;
  };
}

/**
 * Expands a glob(3) pattern (`*`, `?`, `[...]` within one path segment; no
 * escapes, as BIRD calls glob with GLOB_NOESCAPE) into the existing paths it
 * matches, sorted by bytes. A folder that cannot be listed is an error when
 * it is spelled out before the first wildcard (glob's GLOB_ERR), except when
 * it is not a folder at all.
 */
export function expandGlob(pattern: string): { paths: string[] } | { error: string } {
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '');
  const first = segments.findIndex((s) => compileSegment(s) !== undefined);
  const joinSeg = (dir: string, name: string) => (dir === '' ? name : dir === '/' ? `/${name}` : `${dir}/${name}`);
  if (first < 0) {
    const literal = (absolute ? '/' : '') + segments.join('/');
    return { paths: exists(literal) ? [literal] : [] };
  }
  let candidates = [segments.slice(0, first).reduce(joinSeg, absolute ? '/' : '')];
  for (let i = first; i < segments.length; i++) {
    const seg = segments[i]!;
    const matcher = compileSegment(seg);
    const next: string[] = [];
    if (!matcher) {
      for (const c of candidates) if (exists(joinSeg(c, seg))) next.push(joinSeg(c, seg));
    } else {
      for (const c of candidates) {
        let names: string[];
        try {
          names = readdirSync(c === '' ? '.' : c);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ENOTDIR' || (i > first && code === 'ENOENT')) continue;
          return { error: `cannot match pattern ${pattern}: ${c === '' ? '.' : c}: ${describeFsError(e)}` };
        }
        for (const n of names) {
          if (n.startsWith('.') && !seg.startsWith('.')) continue;
          if (matcher(n)) next.push(joinSeg(c, n));
          if (next.length > MAX_INCLUDE_MATCHES) return { error: `pattern ${pattern} matches more than ${MAX_INCLUDE_MATCHES} paths` };
        }
      }
    }
    candidates = next;
  }
  return { paths: candidates.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))) };
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

type GlobTok = { k: 'lit'; c: string } | { k: 'any' } | { k: 'star' } | { k: 'set'; neg: boolean; test: (c: string) => boolean };

const POSIX_CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /[ \t\n\r\f\v]/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  cntrl: (c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127,
  print: (c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127,
  graph: (c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) !== 127,
};

/** One path segment of a glob → a name matcher, or undefined when it has no wildcard. */
export function compileSegment(seg: string): ((name: string) => boolean) | undefined {
  const toks: GlobTok[] = [];
  let magic = false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') {
      magic = true;
      if (toks[toks.length - 1]?.k !== 'star') toks.push({ k: 'star' });
    } else if (c === '?') {
      magic = true;
      toks.push({ k: 'any' });
    } else if (c === '[') {
      const set = parseBracket(seg, i);
      if (!set) {
        toks.push({ k: 'lit', c });
        continue;
      }
      magic = true;
      toks.push(set.tok);
      i = set.end;
    } else {
      toks.push({ k: 'lit', c });
    }
  }
  if (!magic) return undefined;
  return (name) => matchTokens(toks, name);
}

function parseBracket(seg: string, open: number): { tok: GlobTok; end: number } | undefined {
  let i = open + 1;
  const neg = seg[i] === '!' || seg[i] === '^';
  if (neg) i++;
  const tests: ((c: string) => boolean)[] = [];
  let firstItem = true;
  while (i < seg.length) {
    const c = seg[i]!;
    if (c === ']' && !firstItem) return { tok: { k: 'set', neg, test: (ch) => tests.some((t) => t(ch)) }, end: i };
    firstItem = false;
    if (c === '[' && seg[i + 1] === ':') {
      const close = seg.indexOf(':]', i + 2);
      const cls = close < 0 ? undefined : POSIX_CLASSES[seg.slice(i + 2, close)];
      if (cls) {
        tests.push(cls);
        i = close + 2;
        continue;
      }
    }
    if (seg[i + 1] === '-' && seg[i + 2] !== undefined && seg[i + 2] !== ']') {
      const lo = c;
      const hi = seg[i + 2]!;
      tests.push((ch) => ch >= lo && ch <= hi);
      i += 3;
      continue;
    }
    tests.push((ch) => ch === c);
    i++;
  }
  return undefined;
}

/** Wildcard match with one backtracking point per star (linear in practice, O(n·m) at worst). */
function matchTokens(toks: GlobTok[], name: string): boolean {
  let t = 0;
  let n = 0;
  let starT = -1;
  let starN = 0;
  while (n < name.length) {
    const tok = toks[t];
    if (tok?.k === 'star') {
      starT = t++;
      starN = n;
      continue;
    }
    if (tok && (tok.k === 'any' || (tok.k === 'lit' && tok.c === name[n]) || (tok.k === 'set' && tok.test(name[n]!) !== tok.neg))) {
      t++;
      n++;
      continue;
    }
    if (starT < 0) return false;
    t = starT + 1;
    n = ++starN;
  }
  while (toks[t]?.k === 'star') t++;
  return t === toks.length;
}

/** The first of `names` found in the working directory or any parent. */
export function findUpward(names: string[], from = process.cwd()): string | undefined {
  let dir = resolvePath(from);
  for (;;) {
    for (const n of names) {
      const p = join(dir, n);
      try {
        if (statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
