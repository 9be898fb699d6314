import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/source.js';
import { decodeInput } from '../../../src/source-input.js';

describe('SourceFile', () => {
  it('maps offsets to 1-based lines and columns across LF, CRLF and CR', () => {
    const f = new SourceFile('a.conf', 'ab\ncd\r\nef\rgh');
    expect(f.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(f.position(4)).toEqual({ line: 2, column: 2, offset: 4 });
    expect(f.position(7)).toEqual({ line: 3, column: 1, offset: 7 });
    expect(f.position(10)).toEqual({ line: 4, column: 1, offset: 10 });
    expect(f.lineText(2)).toBe('cd');
    expect(f.lineCount).toBe(4);
  });

  it('clamps offsets past the end', () => {
    const f = new SourceFile('a', 'x\ny');
    expect(f.position(99)).toEqual({ line: 2, column: 2, offset: 3 });
  });
});

describe('SourceFile.position against a naive count', () => {
  const naive = (t: string, off: number) => {
    let line = 1;
    let start = 0;
    for (let i = 0; i < Math.min(off, t.length); i++) {
      const c = t[i];
      if (c === '\n' || (c === '\r' && t[i + 1] !== '\n')) {
        line++;
        start = i + 1;
      }
    }
    const o = Math.max(0, Math.min(off, t.length));
    return { line, column: o - start + 1, offset: o };
  };

  it('agrees for LF, CRLF and lone CR texts, offsets asked in any order (the line memo)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n'), { maxLength: 60 }).map((x) => x.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(70), { maxLength: 20 }), (t, offs) => {
        const f = new SourceFile('x', t);
        for (const o of [...offs, ...[...offs].sort((a, b) => a - b)]) expect(f.position(o)).toEqual(naive(t, o));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 500) },
    );
  });
});

describe('decodeInput', () => {
  it('refuses NUL bytes, invalid UTF-8, empty files and oversized input', () => {
    expect(decodeInput('b', new Uint8Array([0x72, 0x00, 0x01])).diagnostics[0]?.code).toBe('input/binary');
    expect(decodeInput('b', new Uint8Array([0xff, 0xfe, 0x41])).diagnostics[0]?.code).toBe('input/binary');
    expect(decodeInput('e', ' \n\t\n').diagnostics[0]?.code).toBe('input/empty');
    expect(decodeInput('l', 'x'.repeat(11), 10).diagnostics[0]?.code).toBe('input/too-large');
  });

  it('strips a byte-order mark', () => {
    const r = decodeInput('bom', new TextEncoder().encode('\uFEFFrouter bgp 1\n'));
    expect(r.file?.text).toBe('router bgp 1\n');
  });
});
