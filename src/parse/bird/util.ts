/** Small token helpers shared by the BIRD builder and filter translator. */
import { BIRD_RESERVED } from '../../emit/bird/keywords.js';
import type { IToken } from 'chevrotain';
import { Ip, Num, Op, Pfx, Str, Word } from '../../../grammar/bird/tokens.js';
import type { Item } from '../../../grammar/bird/parser.js';
import type { SourceFile, Span } from '../../source.js';
import { end, real } from './print.js';

export type Tok = IToken;

/** Keywords are case-insensitive in BIRD; symbols are not. */
export function isKw(t: Tok | undefined, word: string): boolean {
  return t !== undefined && t.tokenType === Word && t.image.toLowerCase() === word;
}

export function kws(toks: readonly Tok[], at: number, ...words: string[]): boolean {
  for (let i = 0; i < words.length; i++) if (!isKw(toks[at + i], words[i]!)) return false;
  return true;
}

export function isOp(t: Tok | undefined, op: string): boolean {
  return t !== undefined && (t.tokenType === Op || t.image === op) && t.image === op;
}

export const isWord = (t: Tok | undefined): boolean => t?.tokenType === Word;
export const isNum = (t: Tok | undefined): boolean => t?.tokenType === Num;
export const isIp = (t: Tok | undefined): boolean => t?.tokenType === Ip;
export const isPfx = (t: Tok | undefined): boolean => t?.tokenType === Pfx;
export const isStr = (t: Tok | undefined): boolean => t?.tokenType === Str;

export function numValue(t: Tok | undefined): number | undefined {
  if (!t || t.tokenType !== Num) return undefined;
  const v = t.image.startsWith('0x') || t.image.startsWith('0X') ? parseInt(t.image.slice(2), 16) : parseInt(t.image, 10);
  return Number.isSafeInteger(v) ? v : undefined;
}

export function strValue(t: Tok | undefined): string | undefined {
  if (!t || t.tokenType !== Str) return undefined;
  return t.image.slice(1, -1);
}

/** `on`/`yes` → true, `off`/`no` → false, absent → true (a bare switch means on). */
export function boolValue(t: Tok | undefined): boolean | undefined {
  if (t === undefined) return true;
  const w = t.image.toLowerCase();
  if (t.tokenType === Word && (w === 'on' || w === 'yes')) return true;
  if (t.tokenType === Word && (w === 'off' || w === 'no')) return false;
  return undefined;
}

export function realTokens(toks: readonly Tok[]): Tok[] {
  return toks.filter(real);
}

export function itemSpan(file: SourceFile, it: Item): Span {
  const first = it.head.find(real) ?? it.block?.open;
  const last = it.semi && real(it.semi) ? it.semi : it.block?.close ?? [...it.head].reverse().find(real);
  const s = first && real(first) ? first.startOffset : 0;
  const e = last && real(last) ? end(last) : s;
  return file.span(s, e);
}

export function tokSpan(file: SourceFile, a: Tok | undefined, b: Tok | undefined = a): Span | undefined {
  if (!real(a)) return undefined;
  return file.span(a.startOffset, real(b) ? end(b) : end(a));
}

/** Splits a token list at top-level (outside brackets/parens) occurrences of `sep`. */
export function splitTop(toks: readonly Tok[], sep: (t: Tok) => boolean): Tok[][] {
  const out: Tok[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    const im = t.image;
    if (im === '(' || im === '[' || im === '{') depth++;
    else if (im === ')' || im === ']' || im === '}') depth--;
    if (depth === 0 && t.tokenType !== Str && sep(t)) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out;
}

/** Removes one pair of enclosing parentheses, repeatedly, when they enclose everything. */
export function stripParens(toks: Tok[]): Tok[] {
  let cur = toks;
  while (cur.length >= 2 && cur[0]!.image === '(' && cur[cur.length - 1]!.image === ')') {
    let depth = 0;
    let closesAtEnd = true;
    for (let i = 0; i < cur.length; i++) {
      const im = cur[i]!.image;
      if (cur[i]!.tokenType === Str) continue;
      if (im === '(' || im === '[') depth++;
      else if (im === ')' || im === ']') depth--;
      if (depth === 0 && i < cur.length - 1) {
        closesAtEnd = false;
        break;
      }
    }
    if (!closesAtEnd) break;
    cur = cur.slice(1, -1);
  }
  return cur;
}

/** Sanitizes a name into a BIRD symbol. */
export function symbolName(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(s)) s = `p_${s}`;
  // A name from another dialect can be a BIRD keyword (GoBGP's prefix set "EXPORTED").
  if (BIRD_RESERVED.has(s.toLowerCase())) s = `${s}_`;
  return s;
}
