/**
 * Reader for FRR configs (integrated frr.conf, bgpd.conf, bfdd.conf).
 *
 * vtysh reads a config one line at a time in a current node; a line the
 * node does not take is tried in the enclosing nodes, and a line no node
 * takes is an error that leaves the node unchanged. This reader does the
 * same: the scanner (grammar/frr/scanner.ts) gives lines of word tokens, and
 * the chevrotain parser's entry rule of the current node (and then of each
 * enclosing node) parses a line into a `Cmd`, which build.ts maps onto the
 * IR. Indentation is not needed (vtysh ignores it) but is used to place
 * unknown lines: an unknown line indented less than a block's children
 * closes the block.
 *
 * Outcomes per line: mapped onto the IR; `parse/ignored` (known, no BGP
 * meaning: kept raw); `parse/unrecognized` (kept raw with its context);
 * `parse/invalid` (a value FRR would refuse: kept raw).
 */
import type { IToken } from 'chevrotain';
import { fastPrefixList } from '../../../grammar/frr/fast.js';
import { frrParser, type Cmd, type NodeRule } from '../../../grammar/frr/parser.js';
import { LineScanner, type ScannedLine } from '../../../grammar/frr/scanner.js';
import { Sink } from '../../diagnostics/diagnostic.js';
import { emptyDocument } from '../../ir/build.js';
import type { ReadOptions, ReadResult } from '../../pipeline-types.js';
import type { SourceFile } from '../../source.js';
import { FrrBuilder, type Frame } from './build.js';
import { ignoredKind } from './ignored.js';

/** Words that start a command of the bfd peer node besides the profile settings. */
const memberWords = new Set(['shutdown', 'no', 'log-session-changes', 'label']);

const ruleOf: Record<Frame['node'], NodeRule | undefined> = {
  config: 'configLine',
  bgp: 'routerBgpLine',
  af: 'addressFamilyLine',
  rmap: 'routeMapLine',
  bfd: 'bfdLine',
  bfdProfile: 'bfdProfileLine',
  ignored: undefined,
};

/** Parses one line with a node's entry rule; undefined when the node does not take it. */
function parseLine(rule: NodeRule, tokens: IToken[]): Cmd | undefined {
  if (rule === 'configLine') {
    const fast = fastPrefixList(tokens);
    if (fast) return fast;
  }
  const p = frrParser();
  p.input = tokens;
  const c = p[rule]();
  return p.errors.length === 0 && c ? c : undefined;
}

export function parseFrr(file: SourceFile, _opts: ReadOptions = {}): ReadResult {
  const sink = new Sink();
  const b = new FrrBuilder(file, sink);
  const stack: Frame[] = [b.root];
  const text = file.text;
  const lineText = (l: ScannedLine) => text.slice(l.start + l.indent, l.end);

  const scanner = new LineScanner(text);
  for (let line = scanner.next(); line; line = scanner.next()) {
    const first = line.tokens[0]!.image;
    const single = line.tokens.length === 1;
    let top = stack[stack.length - 1]!;

    // 1. Inside an ignored block (interface, vrf, router ospf, bfd peer ...).
    if (top.node === 'ignored') {
      if (line.indent > top.indent) {
        top.childIndented = true;
        b.appendToBlock(top, line);
        continue;
      }
      const terminator = single && (first === 'exit' || first === 'quit' || first === 'exit-vrf' || first === 'exit-address-family' || first === 'end');
      // The block's own terminator sits at the header's indentation; one indented less closes an enclosing block.
      if (terminator && line.indent === top.indent) {
        if (first === 'end') {
          stack.length = 1;
          continue;
        }
        b.appendToBlock(top, line);
        stack.pop();
        continue;
      }
      if (!terminator && top.memberRule && (memberWords.has(first) || parseLine(top.memberRule, line.tokens))) {
        b.appendToBlock(top, line);
        continue;
      }
      const closes = terminator || top.childIndented || takenByEnclosing(stack, line.tokens);
      if (!closes) {
        b.appendToBlock(top, line);
        continue;
      }
      stack.pop();
      top = stack[stack.length - 1]!;
    }

    // 2. Block terminators.
    if (single && (first === 'exit' || first === 'quit' || first === 'exit-address-family' || first === 'exit-vrf' || first === 'end')) {
      if (first === 'end') stack.length = 1;
      else if (stack.length > 1 && (first !== 'exit-address-family' || top.node === 'af')) stack.pop();
      continue;
    }

    // 3. The current node, then the enclosing ones (vtysh's walk up the node tree).
    let handled = false;
    for (let depth = stack.length - 1; depth >= 0; depth--) {
      const frame = stack[depth]!;
      const rule = ruleOf[frame.node];
      if (!rule) continue;
      const c = parseLine(rule, line.tokens);
      if (!c) continue;
      stack.length = depth + 1;
      if (line.indent > frame.indent) frame.childIndented = true;
      const entered = b.apply(c, frame, line, lineText(line));
      if (entered) stack.push(entered);
      handled = true;
      break;
    }
    if (handled) continue;

    // 4. Known top-level commands without BGP meaning.
    const kind = ignoredKind(first, line.tokens[1]?.image);
    if (kind && (stack.length === 1 || line.indent <= stack[1]!.indent || !stack[stack.length - 1]!.childIndented)) {
      stack.length = 1;
      const block = b.ignored(kind, line, lineText(line));
      if (block) stack.push(block);
      continue;
    }

    // 5. Unknown: kept raw in the block it belongs to.
    while (stack.length > 1) {
      const t = stack[stack.length - 1]!;
      if (line.indent <= t.indent && t.childIndented) stack.pop();
      else break;
    }
    top = stack[stack.length - 1]!;
    if (line.indent > top.indent) top.childIndented = true;
    const block = b.unrecognized(top, line, lineText(line));
    if (block) stack.push(block);
  }

  const doc = b.finish();
  return { doc, diagnostics: sink.list };
}

/** Would a node enclosing the ignored block take this line? */
function takenByEnclosing(stack: Frame[], tokens: IToken[]): boolean {
  for (let depth = stack.length - 2; depth >= 0; depth--) {
    const rule = ruleOf[stack[depth]!.node];
    if (rule && parseLine(rule, tokens)) return true;
  }
  return ignoredKind(tokens[0]!.image, tokens[1]?.image) !== undefined;
}

export { emptyDocument };
