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
