import { describe, expect, it } from 'vitest';
import { parseTokens } from '../../../grammar/bird/parser.js';
import { scan } from '../../../grammar/bird/tokens.js';
import { read } from './support.js';

const kinds = (text: string): string[] => scan(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('BIRD scanner', () => {
  it('tells addresses, prefixes, numbers and words apart', () => {
    expect(kinds('neighbor 2001:db8::1 as 65000;')).toEqual(['Word:neighbor', 'Ip:2001:db8::1', 'Word:as', 'Num:65000', 'Semi:;']);
    expect(kinds('fe80::1%eth0 ::/0 10.0.0.0/8{16,24} 0x1F')).toEqual(['Ip:fe80::1', 'Op:%', 'Word:eth0', 'Pfx:::/0', 'Pfx:10.0.0.0/8', 'LBrace:{', 'Num:16', 'Op:,', 'Num:24', 'RBrace:}', 'Num:0x1F']);
    expect(kinds('(65000,100) 1:2 interval 100ms;')).toEqual(['LParen:(', 'Num:65000', 'Op:,', 'Num:100', 'RParen:)', 'Num:1', 'Op::', 'Num:2', 'Word:interval', 'Num:100', 'Word:ms', 'Semi:;']);
  });

  it('drops comments, keeps strings whole, and reports unterminated ones with offsets', () => {
    expect(kinds('a # x { \n b /* } */ "c;}" ;')).toEqual(['Word:a', 'Word:b', 'Str:"c;}"', 'Semi:;']);
    const r = scan('x "abc');
    expect(r.errors).toEqual([{ offset: 2, end: 6, message: 'unterminated string' }]);
    expect(scan('/* open').errors[0]!.message).toBe('unterminated comment');
  });

  it('reads operators of two characters as one token', () => {
    expect(kinds('a != b && c !~ d || e <= f >= g')).toContain('Op:!~');
    expect(kinds('a && b')).toEqual(['Word:a', 'Op:&&', 'Word:b']);
  });
});

describe('BIRD block grammar', () => {
  const items = (text: string) => parseTokens(scan(text).tokens);

  it('reads statements, blocks and the `;` after a block', () => {
    const r = items('router id 1.2.3.4; protocol device { scan time 10; } ipv4 { import all; };');
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => i.head.map((t) => t.image).join(' '))).toEqual(['router id 1.2.3.4', 'protocol device', 'ipv4']);
    expect(r.items[2]!.semi).toBeDefined();
  });

  it('accepts option lists without a final `;`, and `;` and braces inside parentheses', () => {
    expect(items('debug { states, routes };').errors).toEqual([]);
    expect(items('function f(int a; int b) { return a; }').errors).toEqual([]);
    expect(items('x = format(flow4 { dst 10.0.0.0/8; });').errors).toEqual([]);
  });

  it('reports unbalanced input as parse/syntax with a position', () => {
    const r = read('protocol bgp x {\n  neighbor 10.0.0.1 as 1;\n');
    const syntax = r.diagnostics.filter((d) => d.code === 'parse/syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]!.span?.file).toBe('bird.conf');
    expect(read('a ] b;').diagnostics.some((d) => d.code === 'parse/syntax')).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const t of ['', '}', '{{{', 'protocol', 'protocol bgp { neighbor; }', '"', "'x", '\u0000', 'filter f { if then else }', 'define = ;']) {
      expect(() => read(t)).not.toThrow();
    }
  });
});
