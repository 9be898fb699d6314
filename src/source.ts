/**
 * Source files and spans.
 *
 * Parsers work with character offsets only; line/column pairs are computed on
 * demand (for diagnostics and IR provenance) from a lazily built line table.
 * Lines and columns are 1-based everywhere; columns count UTF-16 code units,
 * as editors and SARIF do.
 */
import { z } from 'zod';

export const Position = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0).optional(),
});
export type Position = z.infer<typeof Position>;

export const Span = z.object({
  file: z.string(),
  start: Position,
  end: Position,
});
export type Span = z.infer<typeof Span>;

/** One input text. `name` is what diagnostics print (a path or `<stdin>`). */
export class SourceFile {
  readonly name: string;
  readonly text: string;
  #lineStarts: number[] | undefined;

  constructor(name: string, text: string) {
    this.name = name;
    this.text = text;
  }

  private get lineStarts(): number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      const t = this.text;
      if (t.indexOf('\r') < 0) {
        // No carriage returns (the usual case): let indexOf find the newlines.
        for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      } else {
        for (let i = 0; i < t.length; i++) {
          const c = t.charCodeAt(i);
          if (c === 10) starts.push(i + 1);
          else if (c === 13 && t.charCodeAt(i + 1) !== 10) starts.push(i + 1);
        }
      }
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }

  /** The line of the previous lookup: parsers ask in text order, so the next answer is usually on it or just after. */
  #lastLine = 0;

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset → 1-based line/column (binary search in the line table). */
  position(offset: number): Position {
    const starts = this.lineStarts;
    const off = Math.max(0, Math.min(offset, this.text.length));
    const last = this.#lastLine;
    if (last < starts.length && starts[last]! <= off) {
      for (let l = last; l < last + 3 && l < starts.length; l++) {
        if (l + 1 === starts.length || starts[l + 1]! > off) {
          this.#lastLine = l;
          return { line: l + 1, column: off - starts[l]! + 1, offset: off };
        }
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    this.#lastLine = lo;
    return { line: lo + 1, column: off - starts[lo]! + 1, offset: off };
  }

  /** Span for the half-open offset range [start, end). */
  span(start: number, end: number = start): Span {
    return { file: this.name, start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    const s = starts[line - 1];
    if (s === undefined) return '';
    const next = starts[line];
    let e = next === undefined ? this.text.length : next;
    while (e > s && (this.text.charCodeAt(e - 1) === 10 || this.text.charCodeAt(e - 1) === 13)) e--;
    return this.text.slice(s, e);
  }
}
