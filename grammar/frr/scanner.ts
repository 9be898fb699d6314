/**
 * The FRR scanner: one pass over the text, splitting it into lines and each
 * line into whitespace-separated words. Tokens carry offsets only (no line or
 * column objects); positions are computed from offsets when a diagnostic or
 * an IR origin needs them (SourceFile.span).
 *
 * Comment lines (`!` or `#` as the first non-blank character) and blank lines
 * produce no line. vtysh has no quoting: every word is one token.
 */
import type { IToken } from 'chevrotain';
import { keywordTypes, Word } from './tokens.js';

export interface ScannedLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last non-blank character. */
  end: number;
  /** Number of leading blank characters (spaces and tabs). */
  indent: number;
  tokens: IToken[];
}

/** Keywords all start with a letter: other words (numbers, addresses, prefixes) skip the keyword lookup. */
const letter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * A cursor over the lines of a text: `next()` scans one line at a time, so
 * only the current line's tokens are alive (a 1M-line file is never held as
 * a token array).
 */
export class LineScanner {
  private i = 0;
  constructor(private readonly text: string) {}

  /** The next line with at least one token, or undefined at the end. */
  next(): ScannedLine | undefined {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    while (i < n) {
      const lineStart = i;
      // Leading blanks.
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      const indent = i - lineStart;
      const c = i < n ? text.charCodeAt(i) : 10;
      if (c === 33 /* ! */ || c === 35 /* # */) {
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      }
      const tokens: IToken[] = [];
      let end = i;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === 10 || ch === 13) break;
        if (ch === 32 || ch === 9 || ch === 11 || ch === 12) {
          i++;
          continue;
        }
        const s = i;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 32 || d === 9 || d === 10 || d === 13 || d === 11 || d === 12) break;
          i++;
        }
        const image = text.slice(s, i);
        const tokenType = letter(ch) ? (keywordTypes.get(image) ?? Word) : Word;
        tokens.push({
          image,
          startOffset: s,
          endOffset: i - 1,
          tokenType,
          tokenTypeIdx: tokenType.tokenTypeIdx!,
        } as IToken);
        end = i;
      }
      // Line terminator: \n, \r\n or \r.
      if (i < n && text.charCodeAt(i) === 13) i++;
      if (i < n && text.charCodeAt(i) === 10) i++;
      if (tokens.length > 0) {
        this.i = i;
        return { start: lineStart, end, indent, tokens };
      }
    }
    this.i = i;
    return undefined;
  }
}

/** All lines at once (tests and small inputs). */
export function scanLines(text: string): ScannedLine[] {
  const sc = new LineScanner(text);
  const lines: ScannedLine[] = [];
  for (let l = sc.next(); l; l = sc.next()) lines.push(l);
  return lines;
}
