/**
 * The CLI contract (issue 2 §4), run against the built `bgpc` as a process:
 * exit codes, one-line errors without stack traces, -o through a temporary
 * file, --check with a diff, and refusal of formats that are not implemented.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/index.js';

const root = join(import.meta.dirname, '../..');
// The bundled CLI the package ships (scripts/bundle.mjs); the other CLI tests run the unbundled build.
const bin = join(root, 'dist/bgpc.mjs');
const example = join(root, 'examples/router.ir.yaml');

function bgpc(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'bgpc-cli-'));

describe('bgpc CLI', () => {
  it('--version and --help on every command', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(bgpc(['--version']).stdout.trim()).toBe(pkg.version);
    for (const cmd of ['parse', 'convert', 'lint', 'schema', 'formats']) {
      const r = bgpc([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`bgpc ${cmd}`);
    }
    expect(bgpc(['--help']).stdout).toContain('Commands:');
  });

  it('a missing file, a binary file and an empty file: one-line error, exit 2, no stack trace', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bin.conf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'empty.conf'), '');
    for (const [file, text] of [
      ['nosuchfile', 'nosuchfile: no such file or directory'],
      [join(dir, 'bin.conf'), 'not a text file'],
      [join(dir, 'empty.conf'), 'the file is empty'],
    ] as const) {
      const r = bgpc(['parse', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('usage errors exit 2', () => {
    expect(bgpc(['frobnicate']).code).toBe(2);
    expect(bgpc(['convert', example]).code).toBe(2);
    expect(bgpc(['parse', example, '--format', 'xml']).code).toBe(2);
    expect(bgpc(['parse', example, '--no-such-flag']).code).toBe(2);
  });

  it('refuses formats that are not implemented yet with a plain message and exit 2', () => {
    const pending = formats().filter((f) => !f.write);
    for (const f of pending) {
      const r = bgpc(['convert', example, '--to', f.id]);
      expect(r.code, f.id).toBe(2);
      expect(r.stderr).toContain(`writing ${f.id} is not implemented yet`);
    }
    expect(bgpc(['convert', example, '--to', 'juniper']).stderr).toContain('unknown target format "juniper"');
  });

  it('an undetectable input exits 2 and names --from', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'hello world\n');
    const r = bgpc(['parse', join(dir, 'notes.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from');
  });

  it('parse prints the IR; - reads stdin', () => {
    const r = bgpc(['parse', '-', '--format', 'yaml'], readFileSync(example, 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('id: k8s-router');
  });

  it('an invalid IR gives exit 1, a code frame on stderr, nothing on stdout', () => {
    const r = bgpc(['parse', '-'], 'irVersion: "1"\nspeakers:\n  - id: a\n    kind: router\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<stdin>:4:11: error ir/invalid');
    expect(r.stderr).toContain('4 |     kind: router');
  });

  it('--diagnostics json and sarif', () => {
    const bad = 'irVersion: "1"\nspeakers:\n  - id: a\n    kind: router\n';
    const j = JSON.parse(bgpc(['parse', '-', '--diagnostics', 'json'], bad).stderr) as { diagnostics: { code: string }[] };
    expect(j.diagnostics[0]?.code).toBe('ir/invalid');
    const s = JSON.parse(bgpc(['parse', '-', '--diagnostics', 'sarif'], bad).stderr) as { version: string };
    expect(s.version).toBe('2.1.0');
  });

  it('convert -o writes through a temporary file, refuses to overwrite an input, and --check diffs', () => {
    const dir = tmp();
    const out = join(dir, 'router.json');
    expect(bgpc(['convert', example, '--to', 'ir', '-o', out]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['router.json']);
    const written = readFileSync(out, 'utf8');
    expect(JSON.parse(written).irVersion).toBe('1');

    expect(bgpc(['convert', example, '--to', 'ir', '-o', out, '--check']).code).toBe(0);
    writeFileSync(out, written.replace('"asn": 64501', '"asn": 64999'));
    const check = bgpc(['convert', example, '--to', 'ir', '-o', out, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('-      "asn": 64999,');
    expect(check.stdout).toContain('+      "asn": 64501,');
    expect(readFileSync(out, 'utf8')).toContain('64999');

    const input = join(dir, 'in.ir.yaml');
    writeFileSync(input, readFileSync(example));
    const refused = bgpc(['convert', input, '--to', 'ir', '-o', input]);
    expect(refused.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(example, 'utf8'));
  });

  it('convert writes nothing when the input has errors', () => {
    const dir = tmp();
    const out = join(dir, 'out.json');
    writeFileSync(out, 'previous good output\n');
    const r = bgpc(['convert', '-', '--to', 'ir', '-o', out], 'irVersion: "1"\nspeakers: [{id: a, kind: router}]\n');
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous good output\n');
  });

  it('schema prints a JSON Schema; formats lists read/write support', () => {
    const schema = JSON.parse(bgpc(['schema']).stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toEqual(['irVersion', 'sources', 'speakers', 'nodes', 'raw']);
    const list = JSON.parse(bgpc(['formats', '--format', 'json']).stdout) as { id: string; read: boolean; write: boolean }[];
    expect(list.find((f) => f.id === 'ir')).toMatchObject({ read: true, write: true });
    expect(list.map((f) => f.id)).toEqual(expect.arrayContaining(['ir', 'frr', 'bird', 'bird1', 'gobgp', 'gobgp-yaml', 'gobgp-json', 'metallb', 'frr-k8s', 'cilium', 'calico', 'purelb']));
  });

  it('lint exits 1 on errors and supports --rule and --format json', () => {
    const bad = 'irVersion: "1"\nspeakers:\n  - {id: a, kind: daemon, asn: 1, peers: [{id: p, address: 10.0.0.1, timers: {holdTime: 2}}]}\n';
    const r = bgpc(['lint', '-'], bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lint/hold-time-invalid');
    expect(bgpc(['lint', '-', '--rule', 'hold-time-invalid=off'], bad).code).toBe(0);
    const j = JSON.parse(bgpc(['lint', '-', '--format', 'json'], bad).stdout) as { summary: { errors: number } };
    expect(j.summary.errors).toBe(1);
  });
});

describe('bgpc lint across configs', () => {
  const fx = (f: string) => join(root, 'test/cli/fixtures', f);

  it('pairs each node with the router (listen range), reports both sides, and lists sessions', () => {
    const r = bgpc(['lint', fx('tor.ir.yaml'), fx('cluster.ir.yaml'), '--nodes', fx('nodes.txt'), '--sessions']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/metallb@node1\s+192\.168\.56\.254\s+tor\s+listen-range-match/);
    expect(r.stdout).toMatch(/metallb@node3\s+192\.168\.56\.254\s+tor\s+half-open/);
    expect(r.stdout).toContain('error lint/asn-mismatch');
    expect(r.stdout).toContain('error lint/listen-range-miss');
    expect(r.stdout).toContain('warning lint/bfd-one-sided');
  });

  it('json output carries primary and related spans and the sessions', () => {
    const r = bgpc(['lint', fx('tor.ir.yaml'), fx('cluster.ir.yaml'), '--nodes', fx('nodes.txt'), '--format', 'json']);
    const out = JSON.parse(r.stdout) as {
      diagnostics: { code: string; span?: { file: string; start: { line: number } }; related?: { span: { file: string; start: { line: number } } }[] }[];
      sessions: { from: string; status: string }[];
    };
    const asn = out.diagnostics.find((d) => d.code === 'lint/asn-mismatch')!;
    expect(asn.span).toMatchObject({ file: fx('cluster.ir.yaml'), start: { line: 9 } });
    expect(asn.related?.[0]?.span).toMatchObject({ file: fx('tor.ir.yaml'), start: { line: 15 } });
    expect(out.sessions.map((s) => `${s.from} ${s.status}`)).toEqual(['metallb@node1 listen-range-match', 'metallb@node2 listen-range-match', 'metallb@node3 half-open']);
  });

  it('a .bgpcrc acknowledges findings and sets rule levels', () => {
    const dir = tmp();
    writeFileSync(join(dir, '.bgpcrc.yaml'), `rules:\n  bfd-one-sided: off\nacknowledged:\n  - {code: lint/asn-mismatch, file: cluster.ir.yaml, line: 9}\n  - {code: lint/listen-range-miss}\n`);
    for (const f of ['tor.ir.yaml', 'cluster.ir.yaml', 'nodes.txt']) writeFileSync(join(dir, f), readFileSync(fx(f)));
    const r = spawnSync(process.execPath, [bin, 'lint', 'tor.ir.yaml', 'cluster.ir.yaml', '--nodes', 'nodes.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).not.toContain('lint/asn-mismatch');
    expect(r.stdout).not.toContain('lint/bfd-one-sided');
    expect(r.stdout).toMatch(/acknowledged findings? not shown/);
    expect(r.status).toBe(0);
    writeFileSync(join(dir, '.bgpcrc.yaml'), 'rules: {no-such-rule: off}\n');
    const bad = spawnSync(process.execPath, [bin, 'lint', 'tor.ir.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no-such-rule');
  });
});

describe('bgpc peer', () => {
  const fx = (f: string) => join(root, 'test/cli/fixtures', f);

  it('writes the other end of the sessions; the generated router pairs with every node', () => {
    const dir = tmp();
    const out = join(dir, 'tor.yaml');
    const fixed = readFileSync(fx('cluster.ir.yaml'), 'utf8').replace('asn: 64502', 'asn: 64501');
    writeFileSync(join(dir, 'cluster.yaml'), fixed);
    const r = bgpc(['peer', join(dir, 'cluster.yaml'), '--to', 'ir', '--nodes', fx('nodes.txt'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const lintPair = bgpc(['lint', join(dir, 'cluster.yaml'), out, '--nodes', fx('nodes.txt'), '--format', 'json']);
    const j = JSON.parse(lintPair.stdout) as { summary: { errors: number }; sessions: { status: string }[] };
    expect(j.summary.errors).toBe(0);
    expect(j.sessions.map((s) => s.status)).toEqual(['listen-range-match', 'listen-range-match', 'listen-range-match']);
  });

  it('needs --address when the inputs peer with several ends, and --to', () => {
    expect(bgpc(['peer', example, '--to', 'ir', '--peer-address', '192.168.56.254']).stderr).toContain('--address');
    expect(bgpc(['peer', example]).code).toBe(2);
  });
});
