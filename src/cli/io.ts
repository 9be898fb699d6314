/** The only module that touches the filesystem, stdin/stdout/stderr and the process. */
import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve as resolvePath } from 'node:path';
import { decodeInput } from '../source-input.js';
import type { SourceFile } from '../source.js';

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
    throw new Error(`cannot write ${path}: ${describeFsError(e)}`);
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

/**
 * Loader for included files (BIRD `include`): relative to the including file,
 * and only inside the inputs' folders or a folder allowed with --allow-include.
 */
export function includeLoader(allowedDirs: string[]): (path: string, from: SourceFile) => SourceFile | { error: string } {
  const roots = allowedDirs.map((d) => {
    try {
      return realpathSync(d);
    } catch {
      return resolvePath(d);
    }
  });
  return (path, from) => {
    const base = from.name === '<stdin>' ? process.cwd() : dirname(from.name);
    const full = isAbsolute(path) ? path : join(base, path);
    let real: string;
    try {
      real = realpathSync(full);
    } catch (e) {
      return { error: `${full}: ${describeFsError(e)}` };
    }
    const inside = roots.some((r) => {
      const rel = relative(r, real);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
    if (!inside) return { error: `${full} is outside the input's folder (allow it with --allow-include DIR)` };
    const r = readInputBytes(full);
    if (!r.ok) return { error: r.error };
    const decoded = decodeInput(full, r.data);
    if (!decoded.file) return { error: decoded.diagnostics[0]?.message ?? `${full}: unreadable` };
    return decoded.file;
  };
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
