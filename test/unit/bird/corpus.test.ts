/**
 * Every BIRD 2 and BIRD 1 file of ../shared/corpus: read without exception;
 * files the daemon accepts read without errors; BIRD→BIRD output is accepted
 * by the matching daemon, reads back to the same IR, and is a fixed point.
 * Also prints (and checks the bounds of) the share of lines mapped / raw /
 * unrecognized, for docs/formats/bird.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBird, daemonOrFail } from '../../support/daemons.js';
import { canon, checkBird1, hasBird1, read, write, type BirdFormat } from './support.js';

const corpus = join(import.meta.dirname, '../../../../shared/corpus');

interface Entry {
  file: string;
  kind: string;
  valid: boolean;
  validator: string;
}

const entries: Entry[] = existsSync(join(corpus, 'manifest.jsonl'))
  ? readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Entry)
      .filter((e) => e.kind === 'bird1' || e.kind === 'bird2')
  : [];

/**
 * Known gaps: files whose BIRD→BIRD output does not read back to the same IR.
 * The test fails when one of them starts passing (then remove it here).
 * - codebgp-bogons: a template with placeholders (`local as YOUR_AS;`), not a valid config.
 */
const UNSTABLE = new Set(['bird2/codebgp-bogons.conf']);

describe('BIRD corpus', () => {
  it('has the corpus', () => {
    expect(entries.length).toBeGreaterThan(90);
  });

  const totals = { lines: 0, mapped: 0, raw: 0, unrecognized: 0 };

  for (const e of entries) {
    const format: BirdFormat = e.kind === 'bird1' ? 'bird1' : 'bird';
    describe(e.file, () => {
      const text = readFileSync(join(corpus, e.file), 'utf8');
      const r = read(text, format, e.file);
      const out = write(r.doc, format);

      it('reads without errors when the daemon accepts it', () => {
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        if (e.valid) expect(errors.map((d) => `${d.span?.start.line}: ${d.message}`)).toEqual([]);
        else expect(r.doc.speakers.length).toBe(1);
      });

      it('reads back to the same IR, and writing is a fixed point', () => {
        const again = read(out.text, format, e.file);
        expect(write(again.doc, format).text).toBe(out.text);
        if (UNSTABLE.has(e.file)) expect(canon(again.doc)).not.toEqual(canon(r.doc));
        else expect(canon(again.doc)).toEqual(canon(r.doc));
      });

      if (e.valid && format === 'bird') {
        it.skipIf(!daemonOrFail('bird'))('BIRD→BIRD output is accepted by bird -p', () => {
          const c = checkBird(out.text);
          expect(c.ok, c.output).toBe(true);
        });
      }
      if (e.valid && format === 'bird1') {
        it.skipIf(!hasBird1())('BIRD1→BIRD1 output is accepted by BIRD 1.6 bird -p', () => {
          const c = checkBird1(out.text, e.validator.startsWith('bird6') ? 'bird6' : 'bird');
          expect(c.ok, c.output).toBe(true);
        });
      }

      // Line accounting: a non-blank, non-comment line is unrecognized when a
      // parse/unrecognized diagnostic covers it, raw when a raw node covers it,
      // else mapped.
      const lines = text.split('\n');
      const state = new Array<string>(lines.length + 2).fill('');
      const mark = (from: number, to: number, what: string): void => {
        for (let l = from; l <= to; l++) if (state[l] !== 'unrecognized') state[l] = what;
      };
      const rawNodes: { origin?: { start: { line: number }; end: { line: number }; file: string }[] }[] = [];
      const collect = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(collect);
        else if (v && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if (typeof o['dialect'] === 'string' && typeof o['text'] === 'string') rawNodes.push(o as never);
          for (const x of Object.values(o)) collect(x);
        }
      };
      collect(r.doc.speakers);
      for (const n of rawNodes) for (const s of n.origin ?? []) if (s.file === e.file) mark(s.start.line, s.end.line, 'raw');
      for (const d of r.diagnostics) if (d.code === 'parse/unrecognized' && d.span) mark(d.span.start.line, d.span.end.line, 'unrecognized');
      lines.forEach((l, i) => {
        const t = l.trim();
        if (t === '' || t.startsWith('#')) return;
        totals.lines++;
        const s = state[i + 1];
        if (s === 'raw') totals.raw++;
        else if (s === 'unrecognized') totals.unrecognized++;
        else totals.mapped++;
      });
    });
  }

  it('reports the share of corpus lines mapped, raw and unrecognized', () => {
    const pct = (n: number): string => `${((100 * n) / Math.max(1, totals.lines)).toFixed(1)}%`;
    console.log(`[bgpc BIRD corpus] ${totals.lines} lines: mapped ${pct(totals.mapped)}, raw ${pct(totals.raw)}, unrecognized ${pct(totals.unrecognized)}`);
    expect(totals.lines).toBeGreaterThan(0);
    expect(totals.unrecognized / totals.lines).toBeLessThan(0.1);
  });
});
