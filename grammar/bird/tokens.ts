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
  } as IToken;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

const TWO = new Set(['==', '!=', '<=', '>=', '!~', '&&', '||', '->', '..', '+=', '-=']);

const isV6Char = (c: number): boolean => isHex(c) || c === 58 || c === 46;

/**
 * Matches an IPv6 address at `i` (a run of hex digits, `:` and `.` with a
 * `::` or at least three colons); returns its end, or -1. A char loop: every
 * word starting with a-f comes through here.
 */
function matchV6(text: string, i: number): number {
  const n = text.length;
  let j = i;
  let colon = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 58) colon = true;
    else if (!isV6Char(c)) break;
    // `..` is the range operator (`12::33..12::35` is address, `..`, address).
    else if (c === 46 && text.charCodeAt(j + 1) === 46) break;
    j++;
  }
  if (!colon) return -1;
  // Do not swallow a trailing '.' or ':' that belongs to the next token.
  let e = j;
  while (e > i) {
    const c = text.charCodeAt(e - 1);
    if (c === 46 || (c === 58 && !(e - 2 >= i && text.charCodeAt(e - 2) === 58))) e--;
    else break;
  }
  let colons = 0;
  let double = false;
  for (let k = i; k < e; k++) {
    if (text.charCodeAt(k) !== 58) continue;
    colons++;
    if (k + 1 < e && text.charCodeAt(k + 1) === 58) {
      if (k + 2 < e && text.charCodeAt(k + 2) === 58) return -1;
      double = true;
    }
  }
  if (!(double || colons >= 3)) return -1;
  return e;
}

/** Matches `\d{1,3}(\.\d{1,3}){3}` at `i`; returns its end, or -1. */
function matchV4(text: string, i: number): number {
  const n = text.length;
  let j = i;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (j >= n || text.charCodeAt(j) !== 46) return -1;
      j++;
    }
    const s = j;
    while (j < n && j - s < 3 && isDigit(text.charCodeAt(j))) j++;
    if (j === s) return -1;
  }
  return j;
}

/** Matches `/\d{1,3}` at `i`; returns its length, or 0. */
function matchLen(text: string, i: number): number {
  if (text.charCodeAt(i) !== 47) return 0;
  let j = i + 1;
  while (j < text.length && j - i - 1 < 3 && isDigit(text.charCodeAt(j))) j++;
  return j - i - 1 > 0 ? j - i : 0;
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
        const l = matchLen(text, v6);
        tokens.push(tok(l ? Pfx : Ip, text, i, v6 + l));
        i = v6 + l;
        continue;
      }
      if (isDigit(c)) {
        const end = matchV4(text, i);
        if (end > 0) {
          const l = matchLen(text, end);
          tokens.push(tok(l ? Pfx : Ip, text, i, end + l));
          i = end + l;
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
