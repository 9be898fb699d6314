/**
 * BIRD `include` (issue 11): globs expanded as BIRD expands them (glob(3),
 * relative to the including file, sorted, hidden files and folders skipped,
 * no match is no error), cycles named, BIRD's depth limit of 8 files, and
 * confinement of every match. Where BIRD itself is installed, its own
 * `bird -p -c` is run on the same files to show it behaves the same.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSegment, expandGlob, includeLoader } from '../../../src/cli/io.js';
import { parse, SourceFile as SourceFileFor, type Diagnostic } from '../../../src/index.js';
import { daemonOrFail } from '../../support/daemons.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bgpc-glob-'));
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(name.endsWith('/') ? p : dirname(p), { recursive: true });
    if (name.endsWith('/')) continue;
    writeFileSync(p, text);
  }
  return dir;
}

/** Reads `main` of a tree with the CLI's loader, confined to the tree unless `allow` says otherwise. */
function readTree(dir: string, main = 'main.conf', allow: string[] = [dir]) {
  const name = join(dir, main);
  return parse({ name, text: readFileSync(name, 'utf8'), format: 'bird' }, { loadInclude: includeLoader(allow) });
}

function bird(dir: string, main = 'main.conf'): { ok: boolean; output: string } {
  const r = spawnSync('bird', ['-p', '-c', join(dir, main)], { encoding: 'utf8', timeout: 30_000 });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const rel = (dir: string, names: string[]) => names.map((n) => n.slice(dir.length + 1));
const brief = (ds: Diagnostic[]) => ds.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.span?.file.split('/').pop()}:${d.span?.start.line}:${d.span?.start.column} ${d.message}`);
const PROTO = 'protocol device {}\n';

describe('glob segments', () => {
  const m = (pattern: string, name: string) => compileSegment(pattern)!(name);

  it('* ? and [...] with ranges, negation (! and ^), classes and a leading ]', () => {
    expect(compileSegment('plain.conf')).toBeUndefined();
    expect(compileSegment('a[b')).toBeUndefined(); // an unclosed [ is a literal
    expect(m('*.conf', 'peers.conf')).toBe(true);
    expect(m('*.conf', 'peers.conf.bak')).toBe(false);
    expect(m('p*s*.conf', 'peers.conf')).toBe(true);
    expect(m('x?.conf', 'x1.conf')).toBe(true);
    expect(m('x?.conf', 'x12.conf')).toBe(false);
    expect(m('[a-c]*', 'b.conf')).toBe(true);
    expect(m('[!a-c]*', 'b.conf')).toBe(false);
    expect(m('[^a-c]*', 'd.conf')).toBe(true);
    expect(m('[]x]', ']')).toBe(true);
    expect(m('[[:digit:]]*', '7.conf')).toBe(true);
    expect(m('[[:digit:]]*', 'x.conf')).toBe(false);
    expect(m('a\\*', 'a\\b')).toBe(true); // GLOB_NOESCAPE: a backslash is a plain character
  });

  it('is not exponential on many stars', () => {
    const t = performance.now();
    expect(m('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(200))).toBe(false);
    expect(performance.now() - t).toBeLessThan(200);
  });
});

describe('BIRD include globs', () => {
  const files = {
    'main.conf': 'include "d/*.conf";\ninclude "d/*.nomatch";\ninclude "w*/x.conf";\n' + PROTO,
    'd/b.conf': 'define b = 2;\n',
    'd/a.conf': 'define a = 1;\n',
    'd/B.conf': 'define bb = 3;\n',
    'd/.hidden.conf': 'define a = 9;\n',
    'd/dir.conf/': '',
    'd/notes.txt': 'not included\n',
    'w1/x.conf': 'define w1 = 1;\n',
    'w2/x.conf': 'define w2 = 2;\n',
  };

  it('expands relative to the including file, in byte order, skipping hidden files and folders', () => {
    const dir = tree(files);
    const g = expandGlob(join(dir, 'd/*.conf'));
    expect('paths' in g && rel(dir, g.paths)).toEqual(['d/B.conf', 'd/a.conf', 'd/b.conf', 'd/dir.conf']);
    const r = readTree(dir);
    expect(brief(r.diagnostics)).toEqual([]);
    expect(rel(dir, r.doc.sources.map((s) => s.file))).toEqual(['d/B.conf', 'd/a.conf', 'd/b.conf', 'w1/x.conf', 'w2/x.conf', 'main.conf']);
    const none = r.diagnostics.find((d) => d.message.includes('d/*.nomatch'));
    expect(none).toMatchObject({ severity: 'info', span: { start: { line: 2, column: 1 } } });
    expect(none!.message).toContain('matches no file');
  });

  it.skipIf(!daemonOrFail('bird'))('BIRD accepts the same tree, and a pattern without a match', () => {
    const dir = tree(files);
    expect(bird(dir)).toMatchObject({ ok: true });
  });

  it.skipIf(!daemonOrFail('bird'))('reads the matches in the order BIRD reads them', () => {
    // Each file defines the same symbol: BIRD names the second file it reads in its error.
    const dir = tree({ 'main.conf': 'include "d/*.conf";\n' + PROTO, 'd/b.conf': 'define x = 2;\n', 'd/a.conf': 'define x = 1;\n', 'd/B.conf': 'define x = 3;\n' });
    const order = rel(dir, readTree(dir).doc.sources.map((s) => s.file)).slice(0, 3);
    expect(order).toEqual(['d/B.conf', 'd/a.conf', 'd/b.conf']);
    const b = bird(dir);
    expect(b.ok).toBe(false);
    expect(b.output).toContain(`${order[1]}:1`);
    expect(b.output).toContain("Symbol 'x' already defined");
  });

  it('a missing folder before the first wildcard is an error, as in BIRD; a missing folder after it is not', () => {
    const dir = tree({ 'main.conf': 'include "nodir/*.conf";\ninclude "w*/nodir/*.conf";\n' + PROTO, 'w1/x.conf': '' });
    expect(expandGlob(join(dir, 'w*/nodir/*.conf'))).toEqual({ paths: [] });
    const r = readTree(dir);
    expect(brief(r.diagnostics)).toEqual([expect.stringMatching(/^parse\/unrecognized main\.conf:1:1 include "nodir\/\*\.conf" could not be read \(cannot match pattern .*no such file or directory\)/)]);
    if (daemonOrFail('bird')) expect(bird(dir).output).toContain('main.conf:1:10 Unable to match pattern');
  });

  it('a bracket without its closing ] is a literal name', () => {
    const dir = tree({ 'main.conf': 'include "d/a.con[";\n' + PROTO, 'd/a.con[': 'define a = 1;\n' });
    expect(rel(dir, readTree(dir).doc.sources.map((s) => s.file))).toEqual(['d/a.con[', 'main.conf']);
  });

  it('every match must be inside the allowed folders', () => {
    const outside = tree({ 'secret.conf': 'define s = 1;\n' });
    const dir = tree({ 'cfg/main.conf': 'include "inc/*.conf";\n' + PROTO, 'cfg/inc/a.conf': 'define a = 1;\n' });
    symlinkSync(join(outside, 'secret.conf'), join(dir, 'cfg/inc/z.conf'));
    const refused = readTree(dir, 'cfg/main.conf', [join(dir, 'cfg')]);
    expect(brief(refused.diagnostics)).toEqual([expect.stringContaining('z.conf is outside the input\'s folder (allow it with --allow-include DIR) (matched by')]);
    expect(refused.doc.sources).toHaveLength(1);
    const allowed = readTree(dir, 'cfg/main.conf', [join(dir, 'cfg'), outside]);
    expect(brief(allowed.diagnostics)).toEqual([]);
    expect(allowed.doc.sources.map((s) => s.file.split('/').pop())).toEqual(['a.conf', 'z.conf', 'main.conf']);
  });

  it('a binary included file is reported at the include, not read; an empty one is read as empty, as in BIRD', () => {
    const dir = tree({ 'main.conf': 'include "d/*.conf";\n' + PROTO, 'd/a.conf': 'define a = 1;\n' });
    writeFileSync(join(dir, 'd/b.conf'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
    expect(brief(readTree(dir).diagnostics)).toEqual([expect.stringMatching(/^parse\/unrecognized main\.conf:1:1 include "d\/\*\.conf" could not be read \(.*b\.conf: not a text file \(contains NUL bytes\) \(matched by/)]);
    writeFileSync(join(dir, 'd/b.conf'), '\n');
    const r = readTree(dir);
    expect(brief(r.diagnostics)).toEqual([]);
    expect(rel(dir, r.doc.sources.map((x) => x.file))).toEqual(['d/a.conf', 'd/b.conf', 'main.conf']);
    if (daemonOrFail('bird')) expect(bird(dir)).toMatchObject({ ok: true });
  });

  it('a library loader may still return one file, or a list', () => {
    const r = parse({ name: 'm.conf', text: 'include "x";\ninclude "y*";\n' + PROTO, format: 'bird' }, {
      loadInclude: (p) => (p === 'x' ? new SourceFileFor('x.conf', 'define x = 1;\n') : [new SourceFileFor('y1.conf', 'define y1 = 1;\n'), new SourceFileFor('y2.conf', 'define y2 = 1;\n')]),
    });
    expect(r.doc.sources.map((s) => s.file)).toEqual(['x.conf', 'y1.conf', 'y2.conf', 'm.conf']);
  });
});

describe('BIRD include cycles and depth', () => {
  it('a file including itself: an error naming the chain, at the include statement', () => {
    const dir = tree({ 'main.conf': '# main\ninclude "main.conf";\n' });
    const r = readTree(dir);
    expect(brief(r.diagnostics)).toEqual([expect.stringMatching(/^parse\/invalid main\.conf:2:1 include cycle: .*\/main\.conf → .*\/main\.conf; the file is not read again$/)]);
    expect(r.diagnostics.find((d) => d.code === 'parse/invalid')!.severity).toBe('error');
    if (daemonOrFail('bird')) expect(bird(dir).output).toContain('Max include depth reached');
  });

  it('a cycle through other files names every file once, and reads each once', () => {
    const dir = tree({ 'main.conf': 'include "a.conf";\n' + PROTO, 'a.conf': '# a\ninclude "sub/b.conf";\n', 'sub/b.conf': '# b\n\n  include "../a.conf";\n' });
    const r = readTree(dir);
    const d = r.diagnostics.filter((x) => x.severity === 'error');
    expect(d).toHaveLength(1);
    expect(d[0]!.message.replaceAll(`${dir}/`, '')).toBe('include cycle: a.conf → sub/b.conf → a.conf; the file is not read again');
    expect(d[0]!.span).toMatchObject({ file: join(dir, 'sub/b.conf'), start: { line: 3, column: 3 } });
    expect(rel(dir, r.doc.sources.map((s) => s.file))).toEqual(['a.conf', 'sub/b.conf', 'main.conf']);
    if (daemonOrFail('bird')) expect(bird(dir).output).toContain('Max include depth reached');
  });

  it('a glob that matches the including file is a cycle too, the other matches are read', () => {
    const dir = tree({ 'main.conf': 'include "d/*.conf";\n' + PROTO, 'd/a.conf': 'include "*.conf";\n', 'd/b.conf': 'define b = 1;\n' });
    const r = readTree(dir);
    expect(r.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message.replaceAll(`${dir}/`, ''))).toEqual(['include cycle: d/a.conf → d/a.conf; the file is not read again']);
    expect(rel(dir, r.doc.sources.map((s) => s.file))).toEqual(['d/a.conf', 'd/b.conf', 'd/b.conf', 'main.conf']);
  });

  it('the same file included twice side by side is no cycle', () => {
    const dir = tree({ 'main.conf': 'include "v.conf";\ninclude "./v.conf";\n' + PROTO, 'v.conf': 'router id 1.2.3.4;\n' });
    expect(brief(readTree(dir).diagnostics)).toEqual([]);
  });

  const chain = (n: number) => {
    const files: Record<string, string> = { 'l1.conf': PROTO + 'include "l2.conf";\n' };
    for (let i = 2; i < n; i++) files[`l${i}.conf`] = `include "l${i + 1}.conf";\n`;
    files[`l${n}.conf`] = 'router id 1.2.3.4;\n';
    return tree(files);
  };

  it('8 nested files are read, like BIRD; a 9th is refused with an error at the include', () => {
    const ok = chain(8);
    expect(brief(readTree(ok, 'l1.conf').diagnostics)).toEqual([]);
    expect(readTree(ok, 'l1.conf').doc.speakers[0]!.routerId).toBe('1.2.3.4');
    const deep = chain(9);
    expect(brief(readTree(deep, 'l1.conf').diagnostics)).toEqual([
      'parse/invalid l8.conf:1:1 include "l9.conf": includes nested more than 8 files deep (BIRD\'s limit); the file is not read',
    ]);
    if (daemonOrFail('bird')) {
      expect(bird(ok, 'l1.conf')).toMatchObject({ ok: true });
      expect(bird(deep, 'l1.conf').output).toContain('l8.conf:1:10 Max include depth reached');
    }
  });
});
