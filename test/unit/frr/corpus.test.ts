/**
 * The FRR corpus (../shared/corpus/frr) and the FRR golden inputs:
 * - parsing never throws; files the manifest marks valid give no error diagnostic;
 * - FRR→FRR output of every valid file is accepted by `vtysh --dryrun`;
 * - stability: parse(emit(parse(x))) equals parse(x) after normalize(), and emit is idempotent.
 * It also computes the share of corpus lines mapped onto the IR, kept raw as
 * ignored, and kept raw as unrecognized (docs/formats/frr.md quotes it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { emit, normalize, parse } from '../../../src/index.js';
import { checkFrr, daemonOrFail } from '../../support/daemons.js';

const corpusDir = join(import.meta.dirname, '../../../../shared/corpus');
const goldenDir = join(import.meta.dirname, '../../golden/frr');

interface Entry {
  file: string;
  kind: string;
  valid: boolean;
}

const manifest: Entry[] = existsSync(join(corpusDir, 'manifest.jsonl'))
  ? readFileSync(join(corpusDir, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Entry)
      .filter((e) => e.kind === 'frr')
  : [];

const goldenInputs = existsSync(goldenDir)
  ? readdirSync(goldenDir).filter((d) => existsSync(join(goldenDir, d, 'input.frr.conf'))).map((d) => join(goldenDir, d, 'input.frr.conf'))
  : [];

function roundTrip(name: string, text: string) {
  const first = parse({ name, text, format: 'frr' });
  const out = emit(first.doc, { to: 'frr' });
  const second = parse({ name: 'emitted.frr.conf', text: out.text ?? '', format: 'frr' });
  const again = emit(second.doc, { to: 'frr' });
  return { first, out, second, again };
}

describe('FRR corpus', () => {
  it('has the corpus', () => {
    expect(manifest.length).toBeGreaterThan(100);
  });

  const results = manifest.map((m) => {
    const text = readFileSync(join(corpusDir, m.file), 'utf8');
    return { m, text, ...roundTrip(m.file, text) };
  });

  it('parses every file without an exception, and valid files without errors', () => {
    const withErrors = results.filter((r) => r.m.valid && r.first.diagnostics.some((d) => d.severity === 'error')).map((r) => r.m.file);
    expect(withErrors).toEqual([]);
    for (const r of results) expect(r.first.status).toBe('ok');
  });

  it('is stable: parse(emit(parse(x))) equals parse(x), and emit is idempotent', () => {
    const unstable = results.filter((r) => !isDeepStrictEqual(normalize(r.second.doc), normalize(r.first.doc))).map((r) => r.m.file);
    expect(unstable).toEqual([]);
    const notIdempotent = results.filter((r) => r.again.text !== r.out.text).map((r) => r.m.file);
    expect(notIdempotent).toEqual([]);
  });

  it.skipIf(!daemonOrFail('vtysh'))('FRR→FRR output of every valid file is accepted by vtysh', () => {
    const rejected: string[] = [];
    for (const r of results) {
      if (!r.m.valid) continue;
      const c = checkFrr(r.out.text ?? '');
      if (!c.ok) rejected.push(`${r.m.file}: ${c.output.slice(0, 200)}`);
    }
    expect(rejected).toEqual([]);
  });

  it('maps most lines onto the IR', () => {
    let lines = 0;
    let rawLines = 0;
    let unrecognized = 0;
    const countRaw = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(countRaw);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (o['dialect'] === 'frr' && typeof o['text'] === 'string') rawLines += (o['text'] as string).split('\n').length;
        else Object.values(o).forEach(countRaw);
      }
    };
    for (const r of results) {
      lines += r.text.split(/\r?\n/).filter((l) => l.trim() !== '' && !/^\s*[!#]/.test(l) && !/^\s*(exit|exit-address-family|exit-vrf|end)\s*$/.test(l)).length;
      countRaw(r.first.doc);
      unrecognized += r.first.diagnostics.filter((d) => d.code === 'parse/unrecognized' || d.code === 'parse/invalid').length;
    }
    const pct = (n: number) => `${Math.round((n / lines) * 1000) / 10}%`;
    console.info(
      `[frr corpus] ${results.length} files, ${lines} command lines: mapped ${pct(lines - rawLines)}, kept raw ${pct(rawLines)} ` +
        `(of which reported unrecognized/invalid: ${unrecognized} lines or blocks, ${pct(unrecognized)})`,
    );
    expect(rawLines / lines).toBeLessThan(0.5);
    expect(unrecognized / lines).toBeLessThan(0.15);
  });
});

describe('FRR golden inputs are stable', () => {
  for (const file of goldenInputs) {
    it(file.split('/').slice(-2).join('/'), () => {
      const r = roundTrip(file, readFileSync(file, 'utf8'));
      expect(normalize(r.second.doc)).toEqual(normalize(r.first.doc));
      expect(r.again.text).toBe(r.out.text);
    });
  }
});
