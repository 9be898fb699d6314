/**
 * Canonical text of BIRD statements, used for raw nodes: tokens are joined
 * with one space where the source had whitespace and none where it had none;
 * blocks are indented two spaces per level; comments are dropped. Printing
 * the printed text again gives the same text, so raw nodes are stable under
 * read + write.
 */
import type { IToken } from 'chevrotain';
import type { Item } from '../../../grammar/bird/parser.js';

/** Offset just past the token. */
export function end(t: IToken): number {
  return (t.endOffset ?? t.startOffset + t.image.length - 1) + 1;
}

export function real(t: IToken | undefined): t is IToken {
  return t !== undefined && !Number.isNaN(t.startOffset);
}

export function tokensText(toks: readonly IToken[]): string {
  let out = '';
  let prev: IToken | undefined;
  for (const t of toks) {
    if (!real(t)) continue;
    if (prev && end(prev) !== t.startOffset) out += ' ';
    out += t.image;
    prev = t;
  }
  return out;
}

export function printItems(items: readonly Item[], indent = ''): string[] {
  const lines: string[] = [];
  for (const it of items) printItem(it, indent, lines);
  return lines;
}

function printItem(it: Item, indent: string, lines: string[]): void {
  const head = tokensText(it.head);
  if (!it.block) {
    // The last entry of an option list may have no `;` (`debug { states }`); keep it that way.
    lines.push(`${indent}${head}${it.semi || !real(it.head[0]) ? ';' : ''}`);
    return;
  }
  lines.push(`${indent}${head ? `${head} ` : ''}{`);
  for (const inner of it.block.items) printItem(inner, `${indent}  `, lines);
  lines.push(`${indent}}${it.semi ? ';' : ''}`);
}

export function itemText(it: Item): string {
  return printItems([it]).join('\n');
}
