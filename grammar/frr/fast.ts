/**
 * Fast paths for the lines that make up the bulk of big FRR configs.
 *
 * A 1M-entry router is almost entirely `ip prefix-list NAME seq N permit
 * P/L [ge G] [le L]` lines. Running each through the chevrotain parser costs
 * several microseconds of rule dispatch and lookahead per line, so those
 * lines are matched here first by a direct check of the token kinds.
 *
 * Contract: a fast path returns a `Cmd` only for lines the chevrotain rule
 * accepts, with the same parts the rule would record; anything else (a
 * description, a keyword where a word belongs, extra tokens) returns
 * undefined and the line goes through the full grammar. Both paths are
 * compared on generated and corpus lines in test/unit/frr/fast.test.ts.
 */
import type { IToken } from 'chevrotain';
import type { Cmd } from './parser.js';
import { Word } from './tokens.js';

/** `ip|ipv6 prefix-list WORD [seq WORD] permit|deny <any | WORD [ge WORD|le WORD]...>` in the config node. */
export function fastPrefixList(t: readonly IToken[]): Cmd | undefined {
  const n = t.length;
  if (n < 5) return undefined;
  const afi = t[0]!;
  if ((afi.image !== 'ip' && afi.image !== 'ipv6') || afi.tokenType === Word || t[1]!.image !== 'prefix-list' || t[1]!.tokenType === Word) return undefined;
  const name = t[2]!;
  if (name.tokenType !== Word) return undefined;
  const a: Cmd['a'] = { afi, name };
  let i = 3;
  if (t[i]!.image === 'seq' && t[i]!.tokenType !== Word) {
    const seq = t[i + 1];
    if (!seq || seq.tokenType !== Word) return undefined;
    a['seq'] = seq;
    i += 2;
  }
  const action = t[i];
  if (!action || (action.image !== 'permit' && action.image !== 'deny') || action.tokenType === Word) return undefined;
  a['action'] = action;
  i++;
  const what = t[i];
  if (!what) return undefined;
  i++;
  if (what.image === 'any' && what.tokenType !== Word) {
    a['any'] = what;
    return i === n ? { k: 'prefix-list', a } : undefined;
  }
  if (what.tokenType !== Word) return undefined;
  a['prefix'] = what;
  while (i < n) {
    const kw = t[i]!;
    const v = t[i + 1];
    if (!v || v.tokenType !== Word || kw.tokenType === Word || (kw.image !== 'ge' && kw.image !== 'le')) return undefined;
    a[kw.image] = v;
    i += 2;
  }
  return { k: 'prefix-list', a };
}
