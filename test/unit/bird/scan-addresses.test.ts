/**
 * The BIRD scanner's address matching is a char loop (it runs for every word
 * starting with a-f); this checks it against plain regex definitions of the
 * same token rules on random text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../grammar/bird/tokens.js';

/** Reference: the first token's kind and image, from regexes. */
function reference(text: string): [string, string] | undefined {
  const c = text[0];
  if (c === undefined || !/[0-9A-Fa-f:]/.test(c) || (c === ':' && text[1] !== ':')) return undefined;
  let v6 = /^[0-9A-Fa-f:.]+/.exec(text)?.[0] ?? '';
  if (v6.includes('..')) v6 = v6.slice(0, v6.indexOf('..'));
  while (v6.endsWith('.') || (v6.endsWith(':') && !v6.endsWith('::'))) v6 = v6.slice(0, -1);
  if ((v6.includes('::') || v6.split(':').length - 1 >= 3) && !v6.includes(':::')) {
    const len = /^\/\d{1,3}/.exec(text.slice(v6.length))?.[0];
    return len ? ['Pfx', v6 + len] : ['Ip', v6];
  }
  const v4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/.exec(text)?.[0];
  if (v4) {
    const len = /^\/\d{1,3}/.exec(text.slice(v4.length))?.[0];
    return len ? ['Pfx', v4 + len] : ['Ip', v4];
  }
  return undefined;
}

describe('BIRD scanner: addresses and prefixes', () => {
  it('examples', () => {
    const first = (t: string) => {
      const tk = scan(t).tokens[0]!;
      return [tk.tokenType.name, tk.image];
    };
    expect(first('2001:db8::/32 le')).toEqual(['Pfx', '2001:db8::/32']);
    expect(first('fe80::1;')).toEqual(['Ip', 'fe80::1']);
    expect(first('10.1.2.3/24{')).toEqual(['Pfx', '10.1.2.3/24']);
    expect(first('10.1.2.3.')).toEqual(['Ip', '10.1.2.3']);
    expect(first('::/0')).toEqual(['Pfx', '::/0']);
    // A range: address, `..`, address (BIRD's lexer reads it so).
    expect(scan('12::33..12::35').tokens.map((t) => [t.tokenType.name, t.image])).toEqual([['Ip', '12::33'], ['Op', '..'], ['Ip', '12::35']]);
    expect(first('define')[0]).toBe('Word');
    expect(first('a:b')[0]).toBe('Word');
  });

  it('agrees with the regex definitions on random text', () => {
    const ch = fc.constantFrom(...'0123456789abcdefg:./ ;x'.split(''));
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 24 }).map((a) => a.join('')), (text) => {
        const ref = reference(text);
        if (!ref) return;
        const t = scan(text).tokens[0]!;
        expect([t.tokenType.name, t.image], text).toEqual(ref);
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 3000) },
    );
  });
});
