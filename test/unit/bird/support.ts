/**
 * Helpers for the BIRD tests: read/write through the BIRD reader and writer
 * directly, and the BIRD 1.6 check.
 *
 * BIRD 1.6 cannot be installed beside BIRD 2 (Debian's `bird` package
 * conflicts with `bird2`), so .ci/run unpacks it without installing:
 * `apt-get download bird && dpkg -x bird_*.deb /opt/bird1`. BGPC_BIRD1_DIR
 * overrides the folder. Without it the BIRD 1 checks fail under CI=true and
 * are skipped with a message elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emitBird, emitBird1 } from '../../../src/emit/bird/index.js';
import { normalize } from '../../../src/ir/normalize.js';
import type { IrDocument } from '../../../src/ir/schema.js';
import { parseBird, parseBird1 } from '../../../src/parse/bird/index.js';
import type { ReadOptions } from '../../../src/pipeline-types.js';
import { SourceFile } from '../../../src/source.js';
import { inCi } from '../../support/daemons.js';

export type BirdFormat = 'bird' | 'bird1';

export function read(text: string, format: BirdFormat = 'bird', name = 'bird.conf', opts: ReadOptions = {}) {
  return (format === 'bird' ? parseBird : parseBird1)(new SourceFile(name, text), opts);
}

export function write(doc: IrDocument, format: BirdFormat = 'bird') {
  return (format === 'bird' ? emitBird : emitBird1)(doc, {});
}

/** Canonical IR for comparisons: no origins, no sources (key order does not matter to toEqual). */
export function canon(doc: IrDocument): unknown {
  return normalize(doc);
}

const bird1Dir = resolve(process.env['BGPC_BIRD1_DIR'] ?? '/opt/bird1');

export function bird1Binary(daemon: 'bird' | 'bird6'): string | undefined {
  const p = join(bird1Dir, 'usr/sbin', daemon);
  return existsSync(p) ? p : undefined;
}

let warned = false;
export function hasBird1(): boolean {
  const ok = bird1Binary('bird') !== undefined;
  if (!ok && inCi()) throw new Error(`BIRD 1.6 not found under ${bird1Dir}, and CI=true: .ci/run unpacks it there (BGPC_BIRD1_DIR overrides)`);
  if (!ok && !warned) {
    warned = true;
    console.warn(`[bgpc tests] BIRD 1.6 not found under ${bird1Dir} (set BGPC_BIRD1_DIR): skipping the BIRD 1 daemon checks`);
  }
  return ok;
}

export function checkBird1(text: string, daemon: 'bird' | 'bird6' = 'bird'): { ok: boolean; output: string } {
  const bin = bird1Binary(daemon);
  if (!bin) return { ok: false, output: 'BIRD 1.6 not available' };
  const dir = mkdtempSync(join(tmpdir(), 'bgpc-bird1-'));
  try {
    const path = join(dir, 'bird.conf');
    writeFileSync(path, text);
    const r = spawnSync(bin, ['-p', '-c', path], { encoding: 'utf8', timeout: 60_000 });
    return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
