/**
 * BIRD config scanner (BIRD 1.6 and 2.0), written from what conf/cf-lex.l
 * accepts: symbols and keywords (`[A-Za-z_][A-Za-z0-9_]*`, keywords are
 * case-insensitive), quoted symbols ('…'), numbers (decimal, 0x hex), IPv4
 * and IPv6 addresses (IPv6 = a `::` or at least three colons), prefixes
 * (ADDRESS/LENGTH written without spaces), strings ("…", no escapes), `#` and C comments, and one- or two-character operators.
 *
 * Hand-written and linear: tokens carry offsets only (no line/column
 * objects); spans are computed on demand through SourceFile.span.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

export const Word = createToken({ name: 'Word', pattern: Lexer.NA });
export const Num = createToken({ name: 'Num', pattern: Lexer.NA });
export const Ip = createToken({ name: 'Ip', pattern: Lexer.NA });
export const Pfx = createToken({ name: 'Pfx', pattern: Lexer.NA });
export const Str = createToken({ name: 'Str', pattern: Lexer.NA });
export const LBrace = createToken({ name: 'LBrace', pattern: Lexer.NA });
export const RBrace = createToken({ name: 'RBrace', pattern: Lexer.NA });
export const LBracket = createToken({ name: 'LBracket', pattern: Lexer.NA });
export const RBracket = createToken({ name: 'RBracket', pattern: Lexer.NA });
export const LParen = createToken({ name: 'LParen', pattern: Lexer.NA });
export const RParen = createToken({ name: 'RParen', pattern: Lexer.NA });
export const Semi = createToken({ name: 'Semi', pattern: Lexer.NA });
export const Op = createToken({ name: 'Op', pattern: Lexer.NA });

export const allTokens: TokenType[] = [Word, Num, Ip, Pfx, Str, LBrace, RBrace, LBracket, RBracket, LParen, RParen, Semi, Op];

export interface ScanError {
  offset: number;
  end: number;
  message: string;
}

export interface ScanResult {
  tokens: IToken[];
  errors: ScanError[];
}

function tok(type: TokenType, text: string, start: number, end: number): IToken {
  return {
    image: text.slice(start, end),
    startOffset: start,
    endOffset: end - 1,
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx!,
    startLine: NaN,
    startColumn: NaN,
    endLine: NaN,
    endColumn: NaN,
  };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

const V6 = /[0-9A-Fa-f:.]+/y;
const V4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/y;
const LEN = /\/\d{1,3}/y;
const TWO = new Set(['==', '!=', '<=', '>=', '!~', '&&', '||', '->', '..', '+=', '-=']);

/** Matches an IPv6 address at `i`; returns its end, or -1. */
function matchV6(text: string, i: number): number {
  V6.lastIndex = i;
  const m = V6.exec(text);
  if (!m) return -1;
  let s = m[0];
  // Do not swallow a trailing '.' or ':' that belongs to the next token.
  while (s.endsWith('.') || (s.endsWith(':') && !s.endsWith('::'))) s = s.slice(0, -1);
  const colons = s.split(':').length - 1;
  if (!(s.includes('::') || colons >= 3)) return -1;
  if (s.includes(':::')) return -1;
  return i + s.length;
}

export function scan(text: string): ScanResult {
  const tokens: IToken[] = [];
  const errors: ScanError[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) {
      i++;
      continue;
    }
    // comments
    if (c === 35 /* # */) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      const e = text.indexOf('*/', i + 2);
      if (e < 0) {
        errors.push({ offset: i, end: n, message: 'unterminated comment' });
        i = n;
      } else i = e + 2;
      continue;
    }
    // strings
    if (c === 34 /* " */) {
      let j = i + 1;
      // cf-lex.l: a string is `"[^"\n]*"`; there are no escapes.
      while (j < n && text.charCodeAt(j) !== 34 && text.charCodeAt(j) !== 10) j++;
      if (j >= n || text.charCodeAt(j) !== 34) {
        errors.push({ offset: i, end: Math.min(j, n), message: 'unterminated string' });
        i = Math.min(j, n);
        continue;
      }
      tokens.push(tok(Str, text, i, j + 1));
      i = j + 1;
      continue;
    }
    // quoted symbols
    if (c === 39 /* ' */) {
      const e = text.indexOf("'", i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (e < 0 || (nl >= 0 && nl < e)) {
        errors.push({ offset: i, end: i + 1, message: 'unterminated quoted symbol' });
        i++;
        continue;
      }
      tokens.push(tok(Word, text, i, e + 1));
      i = e + 1;
      continue;
    }
    // addresses, prefixes, numbers, words
    if (isHex(c) || (c === 58 /* : */ && text.charCodeAt(i + 1) === 58)) {
      const v6 = matchV6(text, i);
      if (v6 > 0) {
        LEN.lastIndex = v6;
        const l = LEN.exec(text);
        if (l) tokens.push(tok(Pfx, text, i, v6 + l[0].length));
        else tokens.push(tok(Ip, text, i, v6));
        i = v6 + (l ? l[0].length : 0);
        continue;
      }
      if (isDigit(c)) {
        V4.lastIndex = i;
        const m = V4.exec(text);
        if (m) {
          const end = i + m[0].length;
          LEN.lastIndex = end;
          const l = LEN.exec(text);
          if (l) tokens.push(tok(Pfx, text, i, end + l[0].length));
          else tokens.push(tok(Ip, text, i, end));
          i = end + (l ? l[0].length : 0);
          continue;
        }
        let j = i;
        if (c === 48 && (text.charCodeAt(i + 1) === 120 || text.charCodeAt(i + 1) === 88) && isHex(text.charCodeAt(i + 2))) {
          j = i + 2;
          while (j < n && isHex(text.charCodeAt(j))) j++;
        } else {
          while (j < n && isDigit(text.charCodeAt(j))) j++;
        }
        tokens.push(tok(Num, text, i, j));
        i = j;
        continue;
      }
    }
    if (isAlpha(c)) {
      let j = i + 1;
      while (j < n && (isAlpha(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
      tokens.push(tok(Word, text, i, j));
      i = j;
      continue;
    }
    switch (c) {
      case 123:
        tokens.push(tok(LBrace, text, i, i + 1));
        i++;
        continue;
      case 125:
        tokens.push(tok(RBrace, text, i, i + 1));
        i++;
        continue;
      case 91:
        tokens.push(tok(LBracket, text, i, i + 1));
        i++;
        continue;
      case 93:
        tokens.push(tok(RBracket, text, i, i + 1));
        i++;
        continue;
      case 40:
        tokens.push(tok(LParen, text, i, i + 1));
        i++;
        continue;
      case 41:
        tokens.push(tok(RParen, text, i, i + 1));
        i++;
        continue;
      case 59:
        tokens.push(tok(Semi, text, i, i + 1));
        i++;
        continue;
      default:
        break;
    }
    if (c < 33 || c > 126) {
      errors.push({ offset: i, end: i + 1, message: `unexpected character ${JSON.stringify(text[i])}` });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO.has(two)) {
      tokens.push(tok(Op, text, i, i + 2));
      i += 2;
      continue;
    }
    tokens.push(tok(Op, text, i, i + 1));
    i++;
  }
  return { tokens, errors };
}
