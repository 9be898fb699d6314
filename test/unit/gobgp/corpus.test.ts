/**
 * Every GoBGP config of the shared corpus: parsing never throws; files gobgpd
 * accepts (manifest valid=true) parse without syntax or invalid-value errors,
 * and GoBGP → GoBGP output in the same encoding is accepted by `gobgpd -d`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitGobgp } from '../../../src/emit/gobgp/index.js';
import { parseGobgp, type GobgpEncoding } from '../../../src/parse/gobgp/index.js';
import { SourceFile } from '../../../src/source.js';
import { checkGobgp, daemonOrFail } from '../../support/daemons.js';

const corpus = join(import.meta.dirname, '../../../../shared/corpus');
const dir = join(corpus, 'gobgp');
const files = existsSync(dir) ? readdirSync(dir).sort() : [];
const manifest = existsSync(join(corpus, 'manifest.jsonl'))
  ? new Map(
      readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { file: string; valid: boolean })
        .map((d) => [d.file, d.valid]),
    )
  : new Map<string, boolean>();

/** Valid files that still give errors: none today. A listed file that parses cleanly fails the test (remove it). */
const KNOWN_GAPS = new Set<string>([]);

function encodingOf(file: string): GobgpEncoding {
  return file.endsWith('.toml') ? 'toml' : file.endsWith('.json') ? 'json' : 'yaml';
}

describe('GoBGP corpus', () => {
  it('has files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const f of files) {
    const valid = manifest.get(`gobgp/${f}`) === true;
    const enc = encodingOf(f);
    const text = readFileSync(join(dir, f), 'utf8');
    it(`${f} parses${valid ? ' without errors' : ' without crashing'}`, () => {
      const r = parseGobgp(new SourceFile(f, text), enc);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      if (valid) {
        if (KNOWN_GAPS.has(f)) expect(errors.length, `${f} is listed as a known gap but parses cleanly`).toBeGreaterThan(0);
        else expect(errors.map((d) => d.message)).toEqual([]);
        expect(r.doc.speakers).toHaveLength(1);
      }
    });
    if (valid) {
      it.skipIf(!daemonOrFail('gobgpd'))(`${f}: GoBGP → GoBGP output is accepted by gobgpd -d`, () => {
        const r = parseGobgp(new SourceFile(f, text), enc);
        const out = emitGobgp(r.doc, enc);
        const check = checkGobgp(out.text, enc);
        expect(check.ok, `${check.output}\n--- output ---\n${out.text}`).toBe(true);
        // and writing what was written is a fixed point
        const again = emitGobgp(parseGobgp(new SourceFile('out', out.text), enc).doc, enc);
        expect(again.text).toBe(out.text);
      });
    }
  }
});
