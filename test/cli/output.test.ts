/**
 * `-o` (issue 11): nothing is written when the conversion has errors, or
 * loses something under --strict; a previous file is left as it was; a write
 * goes through a temporary file and a rename, so no partial file and no
 * temporary file are ever left behind, even when the write fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/io.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/main.js');

function bgpc(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'bgpc-out-'));
const PREVIOUS = 'previous good output\n';

/** FRR with one command bgpc keeps raw: BIRD cannot take raw FRR text, so converting loses it. */
const LOSSY_FRR = 'frr version 8.4\nrouter bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n bgp frobnicate widgets\n';
/** A BIRD block that never closes: a syntax error. */
const BROKEN_BIRD = 'protocol bgp p {\n  local as 65000;\n  neighbor 10.0.0.1 as 65001;\n';

describe('convert -o', () => {
  it('--strict with a loss: exit 1, the previous file untouched, no temporary file', () => {
    const dir = tmp();
    const input = join(dir, 'frr.conf');
    const out = join(dir, 'bird.conf');
    writeFileSync(input, LOSSY_FRR);
    writeFileSync(out, PREVIOUS);
    const strict = bgpc(['convert', input, '--to', 'bird', '-o', out, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: the conversion loses information; nothing written');
    expect(readFileSync(out, 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(dir).sort()).toEqual(['bird.conf', 'frr.conf']);

    // Without --strict the same loss is a warning and the file is written.
    const lax = bgpc(['convert', input, '--to', 'bird', '-o', out]);
    expect(lax.code).toBe(0);
    expect(lax.stderr).toContain('emit/raw-foreign');
    expect(readFileSync(out, 'utf8')).toContain('protocol bgp');
    expect(readdirSync(dir).sort()).toEqual(['bird.conf', 'frr.conf']);
  });

  it('errors in the input: nothing written, with or without --strict, and no file created', () => {
    const dir = tmp();
    const input = join(dir, 'bird.conf');
    writeFileSync(input, BROKEN_BIRD);
    for (const extra of [[], ['--strict']]) {
      const fresh = join(dir, 'fresh.conf');
      const r = bgpc(['convert', input, '--to', 'frr', '-o', fresh, ...extra]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('unterminated block');
      expect(readdirSync(dir)).toEqual(['bird.conf']);
    }
  });

  it('-o into a missing folder: an error, nothing created', () => {
    const dir = tmp();
    const r = bgpc(['convert', join(root, 'examples/router.ir.yaml'), '--to', 'frr', '-o', join(dir, 'no/such/dir/frr.conf')]);
    // Exit 2 (the environment, not the input or a bug) with a one-line reason.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bgpc: cannot write .*frr\.conf: /);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', () => {
    const dir = tmp();
    const out = join(dir, 'out.conf');
    writeFileSync(out, PREVIOUS);
    const big = 'x'.repeat(4 * 1024 * 1024);
    writeFileAtomic(out, big);
    expect(readFileSync(out, 'utf8')).toBe(big);
    expect(readdirSync(dir)).toEqual(['out.conf']);
  });

  it('a failed rename (the path is a folder) throws a clear error and cleans up', () => {
    const dir = tmp();
    const out = join(dir, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'kept');
    expect(() => writeFileAtomic(out, 'new')).toThrow(`cannot write ${out}`);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('a path under a file: a clear error, nothing created', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), PREVIOUS);
    expect(() => writeFileAtomic(join(dir, 'file', 'out.conf'), 'new')).toThrow(`cannot write ${join(dir, 'file', 'out.conf')}`);
    expect(readdirSync(dir)).toEqual(['file']);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe(PREVIOUS);
  });
});
