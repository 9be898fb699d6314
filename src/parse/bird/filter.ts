/**
 * BIRD filter programs → IR policy statements (filter/config.Y subset).
 *
 * The structured subset: `accept`, `reject`, `if C then … [else …]` where the
 * then-branch is a list of actions ending (or not) in accept/reject, actions
 * (bgp_local_pref / bgp_med / bgp_origin / bgp_next_hop assignment,
 * bgp_community / bgp_large_community / bgp_ext_community add and delete,
 * bgp_path.prepend, calls of argument-less functions made only of actions),
 * and conditions joined by `&&` (`||` of alternatives when the branch ends the
 * filter). Conditions and actions outside the subset become `raw` conditions
 * and actions inside a structured statement; control flow outside it (nested
 * ifs, case, return, functions that decide) keeps the whole filter raw.
 */
import type { IToken } from 'chevrotain';
import type { Item } from '../../../grammar/bird/parser.js';
import type { Action, Condition, Policy, RawNode, Statement } from '../../ir/schema.js';
import type { SourceFile, Span } from '../../source.js';
import { end, printItems, real, tokensText } from './print.js';
import { isKw, isNum, isPfx, isWord, numValue, splitTop, stripParens, type Tok } from './util.js';

export interface SetSink {
  /** Registers an inline prefix set and returns its name. */
  prefixSet(entries: PrefixEntry[], hint: string, origin: Span | undefined): string;
  communitySet(kind: 'standard' | 'large' | 'extended', values: string[], hint: string, origin: Span | undefined): string;
  asPathSet(regexes: string[], hint: string, origin: Span | undefined): string;
  /** A name defined as a set: which kind it is. */
  namedSet(name: string): 'prefix' | 'standard' | 'large' | 'extended' | 'aspath' | undefined;
  /** Substitutes a `define`d constant (single token) for a symbol. */
  constant(t: Tok): Tok;
  /** An argument-less function's body, when it is made only of actions. */
  simpleFunction(name: string): Item[] | undefined;
  /** Sets registered so far (to undo the ones of a translation that falls back to raw). */
  mark(): unknown;
  rollback(mark: unknown): void;
}

export interface PrefixEntry {
  prefix: string;
  ge?: number;
  le?: number;
}

class GiveUp extends Error {}

const RTS: Record<string, Extract<Condition, { kind: 'source-protocol' }>['protocol']> = {
  RTS_STATIC: 'static',
  RTS_BGP: 'bgp',
  RTS_DEVICE: 'connected',
  RTS_INHERIT: 'kernel',
  RTS_RIP: 'rip',
};
export const RTS_OF: Record<string, string> = Object.fromEntries(Object.entries(RTS).map(([k, v]) => [v, k]));

const ORIGINS: Record<string, 'igp' | 'egp' | 'incomplete'> = { ORIGIN_IGP: 'igp', ORIGIN_EGP: 'egp', ORIGIN_INCOMPLETE: 'incomplete' };

const DECIDING = new Set(['accept', 'reject', 'return', 'if', 'case', 'for', 'else']);

export class FilterTranslator {
  private setCounter = 0;
  constructor(
    private readonly file: SourceFile,
    private readonly sets: SetSink,
    private readonly dialect: 'bird' | 'bird1',
    private readonly name: string,
  ) {}

  private raw(text: string, a?: Tok, b?: Tok): RawNode {
    const r: RawNode = { dialect: this.dialect, text };
    const o = this.span(a, b);
    if (o) r.origin = [o];
    return r;
  }

  private span(a?: Tok, b?: Tok): Span | undefined {
    if (!real(a)) return undefined;
    return this.file.span(a.startOffset, end(real(b) ? b : a));
  }

  private hint(): string {
    this.setCounter++;
    return `${this.name}_set${this.setCounter}`;
  }

  /** Translates a filter body; falls back to a raw policy. */
  translate(items: Item[], origin: Span | undefined): Policy {
    const mark = this.sets.mark();
    try {
      const statements: Statement[] = [];
      const defaultResult = this.body(items, statements);
      const p: Policy = { name: this.name, statements };
      if (defaultResult) p.defaultResult = defaultResult;
      if (origin) p.origin = [origin];
      return p;
    } catch (e) {
      if (!(e instanceof GiveUp)) throw e;
      this.sets.rollback(mark);
      const p: Policy = { name: this.name, statements: [], raw: [{ dialect: this.dialect, text: printItems(items).join('\n'), ...(origin ? { origin: [origin] } : {}) }] };
      if (origin) p.origin = [origin];
      return p;
    }
  }

  /** `where EXPR` = `if EXPR then accept; reject;` */
  translateWhere(expr: Tok[], origin: Span | undefined): Policy {
    const toks = expr.filter(real);
    const p: Policy = { name: this.name, statements: [] };
    const mark = this.sets.mark();
    try {
      const alts = this.condition(toks, true);
      for (const conds of alts) p.statements.push({ conditions: conds, actions: [], result: 'accept' });
      p.defaultResult = 'reject';
    } catch (e) {
      if (!(e instanceof GiveUp)) throw e;
      this.sets.rollback(mark);
      p.statements = [];
      p.raw = [{ dialect: this.dialect, text: `if ${tokensText(toks)} then accept;\nreject;` }];
    }
    if (origin) p.origin = [origin];
    return p;
  }

  private body(items: Item[], out: Statement[]): 'accept' | 'reject' | undefined {
    let pending: Action[] = [];
    let pendingStart: Tok | undefined;
    // A work list read from the end: `else` bodies are pushed back in front of the rest.
    const queue = [...items].reverse();
    while (queue.length > 0) {
      const it = queue.pop()!;
      const head = it.head.filter(real);
      const first = head[0];
      if (!first && !it.block) continue;
      const w = first?.image.toLowerCase();
      if (isKw(first, 'accept') || isKw(first, 'reject')) {
        if (head.length !== 1 || it.block) throw new GiveUp();
        const result = w as 'accept' | 'reject';
        if (queue.some((q) => q.head.some(real) || q.block)) throw new GiveUp(); // dead code after a decision
        if (pending.length === 0) return result;
        out.push(this.stmt([], pending, result, pendingStart, first));
        return undefined;
      }
      if (isKw(first, 'if')) {
        const thenAt = head.findIndex((t) => isKw(t, 'then'));
        if (thenAt < 0) throw new GiveUp();
        const cond = head.slice(1, thenAt);
        let thenItems: Item[];
        if (it.block) {
          if (thenAt !== head.length - 1) throw new GiveUp();
          thenItems = it.block.items;
        } else {
          thenItems = [{ head: head.slice(thenAt + 1), ...(it.semi ? { semi: it.semi } : {}) }];
        }
        const { actions, result } = this.branch(thenItems);
        let elseItems: Item[] | undefined;
        const next = queue[queue.length - 1];
        if (next && isKw(next.head.find(real), 'else')) {
          queue.pop();
          const eh = next.head.filter(real);
          if (next.block) {
            if (eh.length !== 1) throw new GiveUp();
            elseItems = next.block.items;
          } else elseItems = [{ head: eh.slice(1), ...(next.semi ? { semi: next.semi } : {}) }];
          if (result === 'continue') throw new GiveUp();
        }
        if (pending.length > 0) {
          out.push(this.stmt([], pending, 'continue', pendingStart, pendingStart));
          pending = [];
        }
        const alts = this.condition(cond, result !== 'continue');
        const last = it.semi ?? it.block?.close ?? head[head.length - 1];
        for (const conds of alts) out.push(this.stmt(conds, actions, result, first, last));
        if (elseItems) for (let k = elseItems.length - 1; k >= 0; k--) queue.push(elseItems[k]!);
        continue;
      }
      if (w && DECIDING.has(w)) throw new GiveUp();
      if (it.block) throw new GiveUp();
      if (pending.length === 0) pendingStart = first;
      pending.push(...this.action(head));
    }
    if (pending.length > 0) out.push(this.stmt([], pending, 'continue', pendingStart, pendingStart));
    return 'reject';
  }

  private stmt(conditions: Condition[], actions: Action[], result: Statement['result'], a?: Tok, b?: Tok): Statement {
    const s: Statement = { conditions: structuredClone(conditions), actions: mergeActions(structuredClone(actions)), result };
    const o = this.span(a, b);
    if (o) s.origin = [o];
    return s;
  }

  /** A then-branch: actions, optionally ending in accept/reject. */
  private branch(items: Item[]): { actions: Action[]; result: Statement['result'] } {
    const actions: Action[] = [];
    for (let i = 0; i < items.length; i++) {
      const it = items[i]!;
      const head = it.head.filter(real);
      if (head.length === 0 && !it.block) continue;
      if (it.block) throw new GiveUp();
      if (isKw(head[0], 'accept') || isKw(head[0], 'reject')) {
        if (head.length !== 1) throw new GiveUp();
        if (items.slice(i + 1).some((q) => q.head.some(real) || q.block)) throw new GiveUp();
        return { actions: mergeActions(actions), result: head[0]!.image.toLowerCase() as 'accept' | 'reject' };
      }
      if (DECIDING.has(head[0]!.image.toLowerCase())) throw new GiveUp();
      actions.push(...this.action(head));
    }
    return { actions: mergeActions(actions), result: 'continue' };
  }

  // ------------------------------------------------------------ actions

  private action(head: Tok[]): Action[] {
    const text = tokensText(head);
    const a = head[0];
    const z = head[head.length - 1];
    const o = this.span(a, z);
    const withOrigin = <T extends Action>(x: T): T => (o ? { ...x, origin: [o] } : x);
    // attr = value
    if (head.length >= 3 && isWord(head[0]) && head[1]!.image === '=') {
      const attr = head[0]!.image;
      const rhs = head.slice(2).map((t) => this.sets.constant(t));
      const n = rhs.length === 1 ? numValue(rhs[0]) : undefined;
      if (attr === 'bgp_local_pref' && n !== undefined) return [withOrigin({ kind: 'set-local-pref', value: n })];
      if (attr === 'bgp_med' && n !== undefined) return [withOrigin({ kind: 'set-med', value: n })];
      if (attr === 'bgp_origin' && rhs.length === 1 && ORIGINS[rhs[0]!.image]) return [withOrigin({ kind: 'set-origin', value: ORIGINS[rhs[0]!.image]! })];
      if (attr === 'bgp_next_hop' && rhs.length === 1 && rhs[0]!.tokenType.name === 'Ip') return [withOrigin({ kind: 'set-next-hop', value: rhs[0]!.image })];
      // bgp_community = add(bgp_community, X) / delete(bgp_community, X)
      const kind = communityAttr(attr);
      if (kind && rhs.length >= 4 && (isKw(rhs[0], 'add') || isKw(rhs[0], 'delete')) && rhs[1]!.image === '(' && rhs[2]!.image === attr && rhs[3]!.image === ',') {
        const arg = rhs.slice(4, -1);
        const values = this.communityValues(arg, kind);
        if (values && rhs[rhs.length - 1]!.image === ')') return [withOrigin({ kind: 'community', communityKind: kind, op: isKw(rhs[0], 'add') ? 'add' : 'remove', values })];
      }
      if (attr === 'bgp_path' && rhs.length >= 6 && isKw(rhs[0], 'prepend') && rhs[2]!.image === 'bgp_path') {
        const asn = numValue(rhs[4]);
        if (asn !== undefined && rhs.length === 6) return [withOrigin({ kind: 'as-path-prepend', asn })];
      }
    }
    // attr.method(args)
    if (head.length >= 5 && isWord(head[0]) && head[1]!.image === '.' && isWord(head[2]) && head[3]!.image === '(' && z!.image === ')') {
      const attr = head[0]!.image;
      const method = head[2]!.image.toLowerCase();
      const arg = head.slice(4, -1).map((t) => this.sets.constant(t));
      const kind = communityAttr(attr);
      if (kind && (method === 'add' || method === 'delete')) {
        const values = this.communityValues(arg, kind);
        if (values) return [withOrigin({ kind: 'community', communityKind: kind, op: method === 'add' ? 'add' : 'remove', values })];
      }
      if (attr === 'bgp_path' && method === 'prepend' && arg.length === 1) {
        const asn = numValue(arg[0]);
        if (asn !== undefined) return [withOrigin({ kind: 'as-path-prepend', asn })];
      }
    }
    // function call: name()
    if (head.length === 3 && isWord(head[0]) && head[1]!.image === '(' && head[2]!.image === ')') {
      const body = this.sets.simpleFunction(head[0]!.image);
      if (!body) throw new GiveUp();
      const { actions, result } = this.branch(body);
      if (result !== 'continue') throw new GiveUp();
      return actions;
    }
    if (head.some((t) => DECIDING.has(t.image.toLowerCase()) && isWord(t))) throw new GiveUp();
    // calls of functions we cannot see into may decide
    if (head.some((t, i) => isWord(t) && head[i + 1]?.image === '(' && head[i - 1]?.image !== '.' && !BUILTINS.has(t.image.toLowerCase()))) throw new GiveUp();
    return [withOrigin({ kind: 'raw', raw: this.raw(text, a, z) })];
  }

  /** `(a,b)` or `[(a,b), (c,d)]` (or a named set) → community strings; undefined when not literal. */
  private communityValues(arg: Tok[], kind: 'standard' | 'large' | 'extended'): string[] | undefined {
    let inner = arg;
    if (inner.length === 1 && isWord(inner[0])) return undefined;
    if (inner[0]?.image === '[' && inner[inner.length - 1]?.image === ']') inner = inner.slice(1, -1);
    const parts = splitTop(inner, (t) => t.image === ',');
    const out: string[] = [];
    for (const p of parts) {
      const v = tupleValue(p.map((t) => this.sets.constant(t)), kind);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out.length > 0 ? out : undefined;
  }

  // ------------------------------------------------------------ conditions

  /** A condition → alternatives (OR) of condition lists (AND). */
  condition(toks: Tok[], mayExpand: boolean): Condition[][] {
    const t = stripParens(toks);
    if (t.length === 0) throw new GiveUp();
    const ors = splitTop(t, (x) => x.image === '||');
    if (ors.length > 1) {
      if (!mayExpand) return [[this.rawCondition(t)]];
      const alts: Condition[][] = [];
      for (const o of ors) {
        const sub = this.condition(o, true);
        alts.push(...sub);
      }
      if (alts.length > 32) return [[this.rawCondition(t)]];
      return alts;
    }
    const ands = splitTop(t, (x) => x.image === '&&');
    let alts: Condition[][] = [[]];
    for (const a of ands) {
      const choices = this.atom(stripParens(a), mayExpand);
      if (choices.length > 1 && (!mayExpand || alts.length * choices.length > 32)) {
        alts = alts.map((c) => [...c, this.rawCondition(a)]);
        continue;
      }
      const next: Condition[][] = [];
      for (const c of alts) for (const ch of choices) next.push([...c, ch]);
      alts = next;
    }
    return alts;
  }

  private rawCondition(toks: Tok[]): Condition {
    const t = stripParens(toks);
    if (t.some((x) => isWord(x) && x.image.toLowerCase() === 'accept')) throw new GiveUp();
    if (t.some((x, i) => isWord(x) && t[i + 1]?.image === '(' && t[i - 1]?.image !== '.' && !BUILTINS.has(x.image.toLowerCase()))) throw new GiveUp();
    const r = this.raw(tokensText(t), t[0], t[t.length - 1]);
    const c: Condition = { kind: 'raw', raw: r };
    if (r.origin) c.origin = r.origin;
    return c;
  }

  /** One comparison → alternatives. */
  private atom(toks: Tok[], mayExpand: boolean): Condition[] {
    const t = toks;
    const o = this.span(t[0], t[t.length - 1]);
    const orig = o ? { origin: [o] } : {};
    // negation of a set match: !(x ~ S)
    if (t[0]?.image === '!' && t.length > 1) {
      const inner = stripParens(t.slice(1));
      const c = this.atom(inner, false);
      if (c.length === 1 && isSetCondition(c[0]!) && (c[0] as { options?: string }).options === undefined) {
        return [{ ...c[0]!, options: 'invert', ...orig } as Condition];
      }
      return [this.rawCondition(t)];
    }
    const opAt = t.findIndex((x) => ['~', '!~', '=', '>=', '<=', '>', '<', '!='].includes(x.image) && x.tokenType.name === 'Op');
    if (opAt <= 0) return [this.rawCondition(t)];
    const lhs = t.slice(0, opAt);
    const op = t[opAt]!.image;
    const rhs = t.slice(opAt + 1).map((x) => this.sets.constant(x));
    const lhsText = lhs.map((x) => x.image).join('');
    const invert = op === '!~' ? { options: 'invert' as const } : {};
    // net ~ [ … ] / net ~ NAME / net ~ PREFIX / net = PREFIX
    if (lhsText === 'net' && (op === '~' || op === '!~')) {
      if (rhs.length === 1 && isWord(rhs[0]) && this.sets.namedSet(rhs[0]!.image) === 'prefix') return [{ kind: 'prefix-set', name: rhs[0]!.image, ...invert, ...orig }];
      const entries = rhs[0]?.image === '[' ? prefixEntries(rhs) : singlePrefix(rhs, true);
      if (entries) return [{ kind: 'prefix-set', name: this.sets.prefixSet(entries, this.hint(), o), ...invert, ...orig }];
    }
    if (lhsText === 'net' && op === '=') {
      const entries = singlePrefix(rhs, false);
      if (entries) return [{ kind: 'prefix-set', name: this.sets.prefixSet(entries, this.hint(), o), ...orig }];
    }
    if (lhsText === 'net.type' && op === '=' && rhs.length === 1) {
      if (rhs[0]!.image === 'NET_IP4') return [{ kind: 'family', family: 'ipv4-unicast', ...orig }];
      if (rhs[0]!.image === 'NET_IP6') return [{ kind: 'family', family: 'ipv6-unicast', ...orig }];
    }
    // source = RTS_X / source ~ [RTS_X, …]
    if (lhsText === 'source' && (op === '=' || op === '~')) {
      const names = rhs[0]?.image === '[' ? splitTop(rhs.slice(1, -1), (x) => x.image === ',').map((p) => (p.length === 1 ? p[0]!.image : '')) : rhs.length === 1 ? [rhs[0]!.image] : [];
      if (names.length > 0 && names.every((n) => RTS[n]) && (names.length === 1 || mayExpand)) {
        return names.map((n) => ({ kind: 'source-protocol', protocol: RTS[n]!, ...orig }));
      }
    }
    if (lhsText === 'bgp_path.len' && rhs.length === 1 && isNum(rhs[0])) {
      const n = numValue(rhs[0])!;
      if (op === '=') return [{ kind: 'as-path-length', op: 'eq', value: n, ...orig }];
      if (op === '>=') return [{ kind: 'as-path-length', op: 'ge', value: n, ...orig }];
      if (op === '<=') return [{ kind: 'as-path-length', op: 'le', value: n, ...orig }];
      if (op === '>') return [{ kind: 'as-path-length', op: 'ge', value: n + 1, ...orig }];
      if (op === '<' && n > 0) return [{ kind: 'as-path-length', op: 'le', value: n - 1, ...orig }];
    }
    if (lhsText === 'bgp_path' && (op === '~' || op === '!~')) {
      if (rhs.length === 1 && isWord(rhs[0]) && this.sets.namedSet(rhs[0]!.image) === 'aspath') return [{ kind: 'as-path-set', name: rhs[0]!.image, ...invert, ...orig }];
      const re = maskRegex(rhs);
      if (re) return [{ kind: 'as-path-set', name: this.sets.asPathSet([re], this.hint(), o), ...invert, ...orig }];
    }
    const ck = communityAttr(lhsText);
    if (ck && (op === '~' || op === '!~')) {
      if (rhs.length === 1 && isWord(rhs[0]) && this.sets.namedSet(rhs[0]!.image) === ck) return [{ kind: setKinds[ck], name: rhs[0]!.image, ...invert, ...orig } as Condition];
      const values = this.communityValues(rhs, ck);
      if (values) return [{ kind: setKinds[ck], name: this.sets.communitySet(ck, values, this.hint(), o), ...invert, ...orig } as Condition];
    }
    // (a,b) ~ bgp_community
    const rk = communityAttr(rhs.map((x) => x.image).join(''));
    if (rk && (op === '~' || op === '!~') && lhs[0]?.image === '(') {
      const v = tupleValue(lhs.map((x) => this.sets.constant(x)), rk);
      if (v) return [{ kind: setKinds[rk], name: this.sets.communitySet(rk, [v], this.hint(), o), ...invert, ...orig } as Condition];
    }
    if (lhsText === 'bgp_local_pref' && op === '=' && rhs.length === 1 && isNum(rhs[0])) return [{ kind: 'local-pref', value: numValue(rhs[0])!, ...orig }];
    if (lhsText === 'bgp_med' && op === '=' && rhs.length === 1 && isNum(rhs[0])) return [{ kind: 'med', value: numValue(rhs[0])!, ...orig }];
    if ((lhsText === 'bgp_next_hop' || lhsText === 'from') && op === '=' && rhs.length === 1 && rhs[0]!.tokenType.name === 'Ip') {
      return [{ kind: lhsText === 'from' ? 'neighbor' : 'next-hop', addresses: [rhs[0]!.image], ...orig }];
    }
    return [this.rawCondition(t)];
  }
}

const setKinds = { standard: 'community-set', large: 'large-community-set', extended: 'ext-community-set' } as const;

function isSetCondition(c: Condition): boolean {
  return ['prefix-set', 'community-set', 'large-community-set', 'ext-community-set', 'as-path-set', 'neighbor-set'].includes(c.kind);
}

const BUILTINS = new Set(['defined', 'unset', 'add', 'delete', 'filter', 'prepend', 'ip', 'len', 'mask', 'print', 'printn', 'format', 'roa_check', 'empty', 'net', 'from', 'gw']);

function communityAttr(name: string): 'standard' | 'large' | 'extended' | undefined {
  if (name === 'bgp_community') return 'standard';
  if (name === 'bgp_large_community') return 'large';
  if (name === 'bgp_ext_community') return 'extended';
  return undefined;
}

/** `(a,b)` → "a:b"; `(a,b,c)` → "a:b:c"; `(rt,a,b)` → "rt:a:b". */
function tupleValue(p: Tok[], kind: 'standard' | 'large' | 'extended'): string | undefined {
  if (p.length < 5 || p[0]!.image !== '(' || p[p.length - 1]!.image !== ')') return undefined;
  const parts = splitTop(p.slice(1, -1), (t) => t.image === ',');
  if (parts.some((x) => x.length !== 1)) return undefined;
  const vals = parts.map((x) => x[0]!);
  if (kind === 'extended') {
    if (vals.length !== 3 || !['rt', 'ro', 'soo'].includes(vals[0]!.image.toLowerCase())) return undefined;
    if (!vals.slice(1).every((v) => isNum(v) || v.tokenType.name === 'Ip')) return undefined;
    const t = vals[0]!.image.toLowerCase();
    return `${t === 'ro' ? 'soo' : t}:${vals[1]!.image}:${vals[2]!.image}`;
  }
  const want = kind === 'standard' ? 2 : 3;
  if (vals.length !== want || !vals.every(isNum)) return undefined;
  return vals.map((v) => String(numValue(v))).join(':');
}

function prefixLen(p: string): number {
  return Number(p.slice(p.indexOf('/') + 1));
}

function maxLen(p: string): number {
  return p.includes(':') ? 128 : 32;
}

/** `[ p, p+, p-, p{a,b} ]` → entries. */
export function prefixEntries(toks: Tok[]): PrefixEntry[] | undefined {
  if (toks[0]?.image !== '[' || toks[toks.length - 1]?.image !== ']') return undefined;
  const parts = splitTop(toks.slice(1, -1), (t) => t.image === ',');
  const out: PrefixEntry[] = [];
  for (const p of parts) {
    const e = prefixEntry(p);
    if (!e) return undefined;
    out.push(e);
  }
  return out.length > 0 ? out : undefined;
}

function prefixEntry(p: Tok[]): PrefixEntry | undefined {
  if (!isPfx(p[0])) return undefined;
  const prefix = p[0]!.image;
  if (!/^[0-9a-fA-F:.]+\/\d+$/.test(prefix)) return undefined;
  const len = prefixLen(prefix);
  const max = maxLen(prefix);
  if (len > max) return undefined;
  if (p.length === 1) return { prefix };
  if (p.length === 2 && p[1]!.image === '+') return { prefix, ge: len, le: max };
  if (p.length === 2 && p[1]!.image === '-') return { prefix, ge: 0, le: len };
  if (p.length === 5 && p[1]!.image === '{' && isNum(p[2]) && p[3]!.image === ',' && isNum(p[4])) return undefined;
  if (p.length === 6 && p[1]!.image === '{' && isNum(p[2]) && p[3]!.image === ',' && isNum(p[4]) && p[5]!.image === '}') {
    const ge = numValue(p[2])!;
    const le = numValue(p[4])!;
    if (ge > le || le > max) return undefined;
    if (ge === len && le === len) return { prefix };
    return { prefix, ge, le };
  }
  return undefined;
}

/** `net ~ P` (P and everything inside) or `net = P` (exactly P). */
function singlePrefix(toks: Tok[], within: boolean): PrefixEntry[] | undefined {
  if (toks.length !== 1 || !isPfx(toks[0])) return undefined;
  const prefix = toks[0]!.image;
  return within ? [{ prefix, ge: prefixLen(prefix), le: maxLen(prefix) }] : [{ prefix }];
}

/** `[= * N … M * =]` → `_N_…_M_` style regex (`^`/`$` when not open). */
function maskRegex(toks: Tok[]): string | undefined {
  if (toks.length < 3 || toks[0]!.image !== '[' || toks[1]!.image !== '=' || toks[toks.length - 1]!.image !== ']' || toks[toks.length - 2]!.image !== '=') return undefined;
  const inner = toks.slice(2, -2).map((t) => t.image);
  if (inner.length === 0) return undefined;
  const lead = inner[0] === '*';
  const trail = inner.length > 1 && inner[inner.length - 1] === '*';
  const nums = inner.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (nums.length === 0 || !nums.every((x) => /^\d+$/.test(x))) return undefined;
  return `${lead ? '_' : '^'}${nums.join('_')}${trail ? '_' : '$'}`;
}

/** Inverse of maskRegex, for the emitter. */
export function regexMask(re: string): string | undefined {
  const m = /^([\^_])(\d+(?:_\d+)*)([$_])$/.exec(re);
  if (!m) return undefined;
  const parts = m[2]!.split('_');
  return `[= ${m[1] === '_' ? '* ' : ''}${parts.join(' ')}${m[3] === '_' ? ' *' : ''} =]`;
}

/** Merges adjacent community adds/removes of one kind, and repeated prepends. */
export function mergeActions(actions: Action[]): Action[] {
  const out: Action[] = [];
  for (const a of actions) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'community' && a.kind === 'community' && prev.communityKind === a.communityKind && prev.op === a.op && prev.values && a.values && !prev.set && !a.set) {
      out[out.length - 1] = { ...prev, values: [...prev.values, ...a.values] };
      continue;
    }
    if (prev && prev.kind === 'as-path-prepend' && a.kind === 'as-path-prepend' && prev.asn === a.asn) {
      out[out.length - 1] = { ...prev, repeat: (prev.repeat ?? 1) + (a.repeat ?? 1) };
      continue;
    }
    out.push(a);
  }
  return out;
}

export type { IToken };
