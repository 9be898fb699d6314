/**
 * BIRD includes through the `bgpc` command (issue 11): globs expanded next to
 * the including file, matches outside the input's folder refused unless
 * --allow-include, and an include cycle reported with its chain.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/main.js');

function bgpc(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bgpc-cli-inc-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const PEER = (n: number) => `protocol bgp p${n} { local as 65000; neighbor 10.0.0.${n} as 6500${n}; ipv4 { import all; export none; }; }\n`;

describe('bgpc and BIRD include', () => {
  it('applies --max-input-bytes to included files too', () => {
    const big = `# ${'x'.repeat(4000)}\n${PEER(1)}`;
    const dir = tree({ 'bird.conf': 'router id 192.0.2.1;\ninclude "big.conf";\n', 'big.conf': big });
    const r = bgpc(['parse', join(dir, 'bird.conf'), '--max-input-bytes', '1000']);
    expect(r.stderr).toMatch(/big\.conf/);
    expect(r.stderr).toMatch(/too large|larger than|limit/i);
    const ok = bgpc(['parse', join(dir, 'bird.conf'), '--max-input-bytes', '100000']);
    expect(ok.code).toBe(0);
  });

  it('expands a glob relative to the including file, from any working directory', () => {
    const dir = tree({ 'etc/bird.conf': 'router id 192.0.2.1;\ninclude "peers.d/*.conf";\n', 'etc/peers.d/b.conf': PEER(2), 'etc/peers.d/a.conf': PEER(1), 'etc/peers.d/readme.txt': 'x' });
    const r = bgpc(['parse', join(dir, 'etc/bird.conf'), '--format', 'json'], tmpdir());
    expect(r.stderr).not.toMatch(/error|warning/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { speakers: { peers: { address: string }[] }[]; sources: { file: string }[] };
    expect(doc.speakers[0]!.peers.map((p) => p.address)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(doc.sources.map((s) => s.file.slice(dir.length + 1))).toEqual(['etc/peers.d/a.conf', 'etc/peers.d/b.conf', 'etc/bird.conf']);
  });

  it('a glob match outside the folder is refused unless --allow-include names its folder', () => {
    const dir = tree({ 'etc/bird.conf': 'router id 192.0.2.1;\ninclude "../shared/*.conf";\n', 'shared/p.conf': PEER(1) });
    const refused = bgpc(['parse', join(dir, 'etc/bird.conf'), '--format', 'json']);
    expect(refused.stderr).toContain('--allow-include');
    expect(refused.stderr).toContain('bird.conf:2:1');
    expect(JSON.parse(refused.stdout).speakers[0].peers ?? []).toEqual([]);
    const allowed = bgpc(['parse', join(dir, 'etc/bird.conf'), '--format', 'json', '--allow-include', join(dir, 'shared')]);
    expect(allowed.stderr).not.toMatch(/error|warning/);
    expect(JSON.parse(allowed.stdout).speakers[0].peers).toHaveLength(1);
  });

  it('an include cycle: exit 1, the chain on stderr', () => {
    const dir = tree({ 'bird.conf': PEER(1) + 'include "a.conf";\n', 'a.conf': 'include "bird.conf";\n' });
    const r = bgpc(['parse', 'bird.conf'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.conf:1:1: error parse/invalid: include cycle: bird.conf → a.conf → bird.conf');
  });
});
