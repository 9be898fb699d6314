/**
 * BIRD 2 (`bird`) and BIRD 1.6 (`bird1`) readers: bird.conf → IR.
 *
 * scan (grammar/bird/tokens.ts) → block parser (grammar/bird/parser.ts) →
 * this builder, which reads each statement the way BIRD's own grammar files
 * define it (nest/config.Y, proto/bgp/config.Y, proto/bfd/config.Y,
 * proto/static/config.Y, filter/config.Y). docs/formats/bird.md has the
 * mapping table.
 */
import type { Item } from '../../../grammar/bird/parser.js';
import { parseTokens } from '../../../grammar/bird/parser.js';
import { Op, scan } from '../../../grammar/bird/tokens.js';
import { Sink } from '../../diagnostics/diagnostic.js';
import { emptyDocument, emptySpeaker } from '../../ir/build.js';
import { scanIpv4 } from '../../ir/ip.js';
import type {
  BfdProfile,
  Family,
  FamilySettings,
  IrDocument,
  Peer,
  PeerGroup,
  Policy,
  PolicyChain,
  RawNode,
  Speaker,
} from '../../ir/schema.js';
import type { ReadOptions, ReadResult } from '../../pipeline-types.js';
import type { SourceFile, Span } from '../../source.js';
import { FilterTranslator, prefixEntries, type PrefixEntry, type SetSink } from './filter.js';
import { end, itemText, printItems, real, tokensText } from './print.js';
import {
  boolValue,
  isIp,
  isKw,
  isNum,
  isPfx,
  isStr,
  isWord,
  itemSpan,
  kws,
  numValue,
  splitTop,
  strValue,
  tokSpan,
  type Tok,
} from './util.js';
import { pushAll } from '../../arrays.js';

export function parseBird(file: SourceFile, opts: ReadOptions): ReadResult {
  return new BirdReader(file, opts, 2).read();
}

export function parseBird1(file: SourceFile, opts: ReadOptions): ReadResult {
  return new BirdReader(file, opts, 1).read();
}

type Settings = Omit<PeerGroup, 'name' | 'inherits' | 'kind'>;

const CHANNEL_FAMILY: Record<string, Family> = {
  ipv4: 'ipv4-unicast',
  ipv6: 'ipv6-unicast',
  'ipv4 multicast': 'ipv4-multicast',
  'ipv6 multicast': 'ipv6-multicast',
  'ipv4 mpls': 'ipv4-labeled-unicast',
  'ipv6 mpls': 'ipv6-labeled-unicast',
  'vpn4 mpls': 'ipv4-vpn',
  'vpn6 mpls': 'ipv6-vpn',
  flow4: 'ipv4-flowspec',
  flow6: 'ipv6-flowspec',
};

/** Top-level statements with no BGP meaning: kept raw for BIRD, reported as parse/ignored. */
const IGNORED_TOP = new Set(['log', 'debug', 'timeformat', 'watchdog', 'mrtdump', 'cli', 'hostname', 'graceful', 'eval', 'attribute', 'roa', 'roa4', 'roa6', 'table', 'ipv4', 'ipv6', 'vpn4', 'vpn6', 'flow4', 'flow6', 'mpls', 'aspa', 'threads', 'platform', 'latency']);
const IGNORED_PROTOCOLS = new Set(['device', 'kernel', 'ospf', 'rip', 'babel', 'radv', 'pipe', 'rpki', 'mrt', 'perf', 'l3vpn', 'aggregator', 'bmp', 'static', 'direct']);

interface DefineValue {
  toks: Tok[];
}

class BirdReader implements SetSink {
  private readonly sink = new Sink();
  private readonly speaker: Speaker;
  private readonly doc: IrDocument;
  private readonly defines = new Map<string, DefineValue>();
  private readonly setKinds = new Map<string, 'prefix' | 'standard' | 'large' | 'extended' | 'aspath'>();
  private readonly functions = new Map<string, { args: boolean; items: Item[] }>();
  private readonly symbols = new Set<string>();
  private readonly protoCounters = new Map<string, number>();
  /** `local as` per template/protocol, keyed by the settings' origin array (shared by the objects spread from it). */
  private readonly localAs = new Map<unknown, { asn: number; target: Settings; span: Span | undefined; inherited: string | undefined }>();
  private family1: Family;
  private file: SourceFile;
  private readonly dialect: 'bird' | 'bird1';
  /** Files being read through `include`, outermost first (the root file is not in it). */
  private readonly includeStack: string[] = [];
  private bfdRaw: RawNode[] = [];

  constructor(
    private readonly root: SourceFile,
    private readonly opts: ReadOptions,
    private readonly major: 1 | 2,
  ) {
    this.file = root;
    this.dialect = major === 2 ? 'bird' : 'bird1';
    this.doc = emptyDocument();
    this.speaker = emptySpeaker(root.name);
    this.speaker.dialect = { format: major === 2 ? 'bird' : 'bird1' };
    this.family1 = /bird6/.test(root.name) ? 'ipv6-unicast' : 'ipv4-unicast';
  }

  read(): ReadResult {
    const items = this.parseFile(this.root);
    if (this.major === 1 && !/bird6/.test(this.root.name)) this.guessFamily1(items);
    this.topItems(items);
    this.finish();
    this.doc.sources.push({ file: this.root.name, format: this.major === 2 ? 'bird' : 'bird1', dialect: this.speaker.dialect! });
    this.doc.speakers.push(this.speaker);
    return { doc: this.doc, diagnostics: this.sink.list };
  }

  // ------------------------------------------------------------------ plumbing

  private parseFile(file: SourceFile): Item[] {
    const { tokens, errors } = scan(file.text);
    for (const e of errors) this.sink.report('parse/syntax', e.message, { span: file.span(e.offset, e.end) });
    const out = parseTokens(tokens);
    for (const e of out.errors.slice(0, 5)) {
      const t = real(e.token) ? e.token : undefined;
      const open = t ? undefined : unclosedBrace(tokens);
      if (open) {
        this.sink.report('parse/syntax', 'unterminated block: this `{` has no matching `}` before the end of the file', { span: file.span(open.startOffset, end(open)) });
        continue;
      }
      const span = t ? file.span(t.startOffset, end(t)) : file.span(file.text.length);
      this.sink.report('parse/syntax', `BIRD syntax: ${e.message.split('\n')[0]}`, { span });
    }
    checkValues(file, tokens, this.sink);
    return out.items;
  }

  private span(it: Item): Span {
    return itemSpan(this.file, it);
  }

  private rawOf(it: Item, context?: string[]): RawNode {
    const r: RawNode = { dialect: this.major === 2 ? 'bird' : 'bird1', text: itemText(it), origin: [this.span(it)] };
    if (context) r.context = context;
    return r;
  }

  private ignored(it: Item, what: string, context?: string[]): RawNode {
    this.sink.report('parse/ignored', `${what} has no BGP meaning; kept as-is for BIRD`, { span: this.span(it) });
    return this.rawOf(it, context);
  }

  private unrecognized(it: Item, context: string[] | undefined, why?: string): RawNode {
    const head = tokensText(it.head.slice(0, 4));
    this.sink.report('parse/unrecognized', why ?? `\`${head}\`${context ? ` in ${context[context.length - 1]}` : ''} is not mapped to the IR; kept raw for BIRD`, {
      span: this.span(it),
    });
    return this.rawOf(it, context);
  }

  /** Resolves a symbol defined with `define` to its (single) value token. */
  constant(t: Tok): Tok {
    if (!isWord(t)) return t;
    const d = this.defines.get(t.image);
    if (d && d.toks.length === 1) return d.toks[0]!;
    return t;
  }

  namedSet(name: string): 'prefix' | 'standard' | 'large' | 'extended' | 'aspath' | undefined {
    return this.setKinds.get(name);
  }

  simpleFunction(name: string): Item[] | undefined {
    const f = this.functions.get(name);
    if (!f || f.args) return undefined;
    return f.items;
  }

  mark(): unknown {
    const pol = this.speaker.policy;
    return { p: pol.prefixSets.length, c: pol.communitySets.length, a: pol.asPathSets.length, log: this.symbolLog.length };
  }

  rollback(mark: unknown): void {
    const m = mark as { p: number; c: number; a: number; log: number };
    const pol = this.speaker.policy;
    for (const s of [...pol.prefixSets.slice(m.p), ...pol.communitySets.slice(m.c), ...pol.asPathSets.slice(m.a)]) this.setKinds.delete(s.name);
    pol.prefixSets.length = m.p;
    pol.communitySets.length = m.c;
    pol.asPathSets.length = m.a;
    for (const name of this.symbolLog.splice(m.log)) this.symbols.delete(name);
  }

  /** Names made by uniqueName, in order (undone by rollback). */
  private readonly symbolLog: string[] = [];

  private uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.symbols.has(name); n++) name = `${base}_${n}`;
    this.symbols.add(name);
    this.symbolLog.push(name);
    return name;
  }

  prefixSet(entries: PrefixEntry[], hint: string, origin: Span | undefined): string {
    const name = this.uniqueName(hint);
    this.addPrefixSet(name, entries, origin);
    return name;
  }

  private addPrefixSet(name: string, entries: PrefixEntry[], origin: Span | undefined): void {
    const fam = entries.every((e) => !e.prefix.includes(':')) ? 'ipv4' : entries.every((e) => e.prefix.includes(':')) ? 'ipv6' : undefined;
    this.speaker.policy.prefixSets.push({
      name,
      ...(fam ? { family: fam } : {}),
      entries: entries.map((e) => ({ prefix: e.prefix, ...(e.ge !== undefined ? { ge: e.ge } : {}), ...(e.le !== undefined ? { le: e.le } : {}) })),
      ...(origin ? { origin: [origin] } : {}),
    });
    this.setKinds.set(name, 'prefix');
  }

  communitySet(kind: 'standard' | 'large' | 'extended', values: string[], hint: string, origin: Span | undefined): string {
    const name = this.uniqueName(hint);
    this.speaker.policy.communitySets.push({ name, kind, entries: values.map((value) => ({ value })), ...(origin ? { origin: [origin] } : {}) });
    this.setKinds.set(name, kind);
    return name;
  }

  asPathSet(regexes: string[], hint: string, origin: Span | undefined): string {
    const name = this.uniqueName(hint);
    this.speaker.policy.asPathSets.push({ name, entries: regexes.map((regex) => ({ regex })), ...(origin ? { origin: [origin] } : {}) });
    this.setKinds.set(name, 'aspath');
    return name;
  }

  // ------------------------------------------------------------------ top level

  private guessFamily1(items: Item[]): void {
    // bird vs bird6: the neighbor addresses tell (Calico names the files bird.cfg / bird6.cfg).
    const visit = (list: Item[]): boolean => {
      for (const it of list) {
        const h = it.head.filter(real);
        if (isKw(h[0], 'neighbor') && isIp(h[1])) {
          if (h[1]!.image.includes(':')) this.family1 = 'ipv6-unicast';
          return true;
        }
        if (it.block && visit(it.block.items)) return true;
      }
      return false;
    };
    visit(items);
  }

  private topItems(input: Item[]): void {
    // `filter NAME int x; { … }` / `function f() int x; { … }`: local variables sit
    // between the name and the body, so the parser sees two statements; join them.
    const items: Item[] = [];
    for (let i = 0; i < input.length; i++) {
      const it = input[i]!;
      const h0 = it.head.find(real);
      if ((isKw(h0, 'filter') || isKw(h0, 'function')) && !it.block && it.semi) {
        let j = i + 1;
        while (j < input.length && input[j]!.head.some(real) && !input[j]!.block && input[j]!.semi && j - i < 64) j++;
        const body = input[j];
        if (body && !body.head.some(real) && body.block) {
          const head = [...it.head, it.semi];
          for (let k = i + 1; k < j; k++) {
            pushAll(head, input[k]!.head);
            head.push(input[k]!.semi!);
          }
          items.push({ head, block: body.block, ...(body.semi ? { semi: body.semi } : {}) });
          i = j;
          continue;
        }
      }
      items.push(it);
    }
    for (const it of items) {
      try {
        this.top(it);
      } catch (e) {
        // Programming errors must not escape the library on odd input.
        this.sink.report('parse/unrecognized', `could not read this statement (${(e as Error).message}); kept raw for BIRD`, { span: this.span(it) });
        this.speaker.raw.push(this.rawOf(it));
      }
    }
  }

  private top(it: Item): void {
    const h = it.head.filter(real);
    const first = h[0];
    if (!first) {
      if (it.block) this.speaker.raw.push(this.unrecognized(it, undefined, 'a block without a statement'));
      return;
    }
    const w = first.image.toLowerCase();
    if (w === 'include' && isStr(h[1]) && !it.block) return this.include(it, strValue(h[1])!);
    if (w === 'router' && isKw(h[1], 'id') && !it.block) return this.routerId(it, h);
    if (w === 'define' && !it.block) return this.define(it, h);
    if (w === 'filter' && isWord(h[1]) && h.length === 2 && it.block) return this.filter(it, h[1]!.image);
    if (w === 'filter' && isWord(h[1]) && it.block) {
      // A filter with local variables: kept whole, as a raw policy.
      this.symbols.add(h[1]!.image);
      const raw = this.rawOf(it, ['filter with variables']);
      this.addPolicy({ name: h[1]!.image, statements: [], raw: [raw], origin: [this.span(it)] });
      return;
    }
    if (w === 'function' && isWord(h[1]) && it.block) {
      this.symbols.add(h[1]!.image);
      const args = h.length > 4 || (h[2]?.image === '(' && h[3]?.image !== ')');
      this.functions.set(h[1]!.image, { args, items: it.block.items });
      this.speaker.raw.push(this.rawOf(it));
      return;
    }
    if ((w === 'protocol' || w === 'template') && isWord(h[1]) && it.block) return this.protocol(it, h, w === 'template');
    if (w === 'listen' && isKw(h[1], 'bgp') && this.major === 1) return this.listen(it, h);
    if (IGNORED_TOP.has(w)) {
      this.speaker.raw.push(this.ignored(it, `\`${tokensText(h.slice(0, 2))}\``));
      return;
    }
    this.speaker.raw.push(this.unrecognized(it, undefined));
  }

  private include(it: Item, path: string): void {
    const loader = this.opts.loadInclude;
    const span = this.span(it);
    if (!loader) {
      this.sink.report('parse/unrecognized', `include "${path}" was not read (no include loader): what it defines is unknown here and the include is not written back`, {
        span,
        hint: includeHint(path),
      });
      return;
    }
    // BIRD counts the main file as depth 1 and refuses to open a file at depth 9.
    if (this.includeStack.length + 2 > MAX_INCLUDE_DEPTH) {
      this.sink.report('parse/invalid', `include "${path}": includes nested more than ${MAX_INCLUDE_DEPTH} files deep (BIRD's limit); the file is not read`, { span });
      return;
    }
    const loaded = loader(path, this.file);
    if ('error' in loaded) {
      this.sink.report('parse/unrecognized', `include "${path}" could not be read (${loaded.error}): what it defines is unknown here and the include is not written back`, {
        span,
        hint: includeHint(path),
      });
      return;
    }
    const files = Array.isArray(loaded) ? loaded : [loaded];
    if (files.length === 0) {
      this.sink.report('parse/ignored', `include "${path}" matches no file; BIRD includes nothing for a pattern without a match`, { span });
      return;
    }
    const chain = [this.root.name, ...this.includeStack];
    for (const file of files) {
      const key = includeKey(file.name);
      const at = chain.findIndex((n) => includeKey(n) === key);
      if (at >= 0) {
        this.sink.report('parse/invalid', `include cycle: ${[...chain.slice(at), file.name].join(' → ')}; the file is not read again`, {
          span,
          hint: 'BIRD stops such a configuration with "Max include depth reached"',
        });
        continue;
      }
      const saved = this.file;
      this.includeStack.push(file.name);
      this.file = file;
      this.doc.sources.push({ file: file.name, format: this.major === 2 ? 'bird' : 'bird1' });
      const items = this.parseFile(file);
      this.topItems(items);
      this.file = saved;
      this.includeStack.pop();
    }
  }

  private symbolIp(t: Tok | undefined, what: string, it: Item): string | undefined {
    if (!t) return undefined;
    const v = this.constant(t);
    if (isIp(v)) return v.image;
    if (isWord(t) && !this.defines.has(t.image)) {
      this.sink.report('parse/unrecognized', `${what} names \`${t.image}\`, which is not defined in the files read; the ${what} is left unset`, {
        span: tokSpan(this.file, t) ?? this.span(it),
        hint: placeholderHint(t.image),
      });
      return undefined;
    }
    // A malformed address was reported where it was read (checkValues).
    if (!REFUSED.has(v)) this.sink.report('parse/invalid', `${what}: expected an IP address, got \`${t.image}\``, { span: tokSpan(this.file, t) ?? this.span(it) });
    return undefined;
  }

  private routerId(it: Item, h: Tok[]): void {
    if (h.length === 3) {
      const v = this.constant(h[2]!);
      if (isIp(v)) {
        this.speaker.routerId = v.image;
        return;
      }
      if (isNum(v)) {
        const n = numValue(v)!;
        this.speaker.routerId = [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
        return;
      }
      this.symbolIp(h[2], 'router id', it);
      return;
    }
    this.speaker.raw.push(this.unrecognized(it, undefined));
  }

  private define(it: Item, h: Tok[]): void {
    const name = h[1];
    if (!isWord(name) || h[2]?.image !== '=') {
      this.speaker.raw.push(this.unrecognized(it, undefined));
      return;
    }
    const value = h.slice(3);
    this.defines.set(name!.image, { toks: value });
    this.symbols.add(name!.image);
    const span = this.span(it);
    const pfx = prefixEntries(value);
    if (pfx) {
      this.addPrefixSet(name!.image, pfx, span);
      return;
    }
    if (value[0]?.image === '[' && value[1]?.image === '=' && value.length >= 4) {
      const tr = new FilterTranslator(this.file, this, this.dialect, name!.image);
      const c = tr.condition([{ ...value[0]!, image: 'bgp_path', tokenType: h[1]!.tokenType, tokenTypeIdx: h[1]!.tokenTypeIdx } as Tok, { ...h[2]!, image: '~' }, ...value], false);
      const only = c.length === 1 && c[0]!.length === 1 ? c[0]![0]! : undefined;
      if (only?.kind === 'as-path-set') {
        const set = this.speaker.policy.asPathSets.find((s) => s.name === only.name)!;
        this.speaker.policy.asPathSets = this.speaker.policy.asPathSets.filter((s) => s !== set);
        this.symbols.delete(only.name);
        this.setKinds.delete(only.name);
        this.speaker.policy.asPathSets.push({ name: name!.image, entries: set.entries, origin: [span] });
        this.setKinds.set(name!.image, 'aspath');
        return;
      }
    }
    if (value[0]?.image === '[' && value[value.length - 1]?.image === ']') {
      const parts = splitTop(value.slice(1, -1), (t) => t.image === ',');
      for (const kind of ['standard', 'large'] as const) {
        const vals = parts.map((p) => communityTuple(p, kind));
        if (vals.length > 0 && vals.every((v) => v !== undefined)) {
          this.speaker.policy.communitySets.push({ name: name!.image, kind, entries: vals.map((v) => ({ value: v! })), origin: [span] });
          this.setKinds.set(name!.image, kind);
          return;
        }
      }
    }
    // Constants are substituted where the IR uses them; the define stays for raw filters.
    this.speaker.raw.push(this.rawOf(it));
  }

  private filter(it: Item, name: string): void {
    this.symbols.add(name);
    const tr = new FilterTranslator(this.file, this, this.dialect, name);
    const p = tr.translate(it.block!.items, this.span(it));
    this.addPolicy(p);
  }

  private readonly policyIndex = new Map<string, number>();

  private addPolicy(p: Policy): void {
    const i = this.policyIndex.get(p.name);
    if (i !== undefined) this.speaker.policy.policies[i] = p;
    else {
      this.policyIndex.set(p.name, this.speaker.policy.policies.length);
      this.speaker.policy.policies.push(p);
    }
  }

  private listen(it: Item, h: Tok[]): void {
    const listen = (this.speaker.listen ??= {});
    for (let i = 2; i < h.length; i++) {
      if (isKw(h[i], 'address') && isIp(h[i + 1])) listen.addresses = [h[++i]!.image];
      else if (isKw(h[i], 'port') && isNum(h[i + 1])) listen.port = numValue(h[++i]);
      else if (isKw(h[i], 'dual') || isKw(h[i], 'v6only')) this.sink.report('parse/ignored', `listen bgp ${h[i]!.image} is not kept`, { span: tokSpan(this.file, h[i]) });
      else {
        this.speaker.raw.push(this.unrecognized(it, undefined));
        return;
      }
    }
    listen.origin = [this.span(it)];
  }

  // ------------------------------------------------------------------ protocols

  private protocol(it: Item, h: Tok[], template: boolean): void {
    const type = h[1]!.image.toLowerCase();
    let i = 2;
    if (type === 'ospf' && (isKw(h[2], 'v2') || isKw(h[2], 'v3'))) i = 3;
    let name: string | undefined;
    if (isWord(h[i]) && !isKw(h[i], 'from')) name = h[i++]!.image;
    let from: string | undefined;
    if (isKw(h[i], 'from') && isWord(h[i + 1])) {
      from = h[i + 1]!.image;
      i += 2;
    }
    if (i !== h.length) {
      this.speaker.raw.push(this.unrecognized(it, undefined));
      return;
    }
    const explicitName = name;
    if (!template && !name) {
      // BIRD names unnamed protocols <type>1, <type>2, … skipping names already taken.
      let n = this.protoCounters.get(type) ?? 0;
      do n++;
      while (this.symbols.has(`${type}${n}`));
      this.protoCounters.set(type, n);
      name = `${type}${n}`;
    }
    if (name) this.symbols.add(name);
    if (type === 'bgp') return this.bgp(it, name!, from, template, h);
    if (template) {
      this.speaker.raw.push(this.ignored(it, `template ${type}`));
      return;
    }
    if (type === 'bfd') return this.bfd(it, name!);
    if (type === 'device' && !from && !explicitName && (it.block?.items.length ?? 0) === 0) {
      // The BIRD writer always writes a plain device protocol (BIRD sees no interface without one).
      this.sink.report('parse/ignored', 'protocol device with default settings: implied, the BIRD writer always writes it', { span: this.span(it) });
      return;
    }
    if (type === 'static' && !from && this.staticRoutes(it)) return;
    if (type === 'direct' && !from && this.direct(it)) return;
    if (IGNORED_PROTOCOLS.has(type)) {
      this.speaker.raw.push(this.ignored(it, `protocol ${type}`));
      return;
    }
    this.speaker.raw.push(this.unrecognized(it, undefined));
  }

  /** Channels of a non-BGP protocol (BIRD 2) or the daemon family (BIRD 1); undefined when a channel has options. */
  private plainChannels(items: Item[]): { families: Family[]; rest: Item[] } | undefined {
    const families: Family[] = [];
    const rest: Item[] = [];
    for (const c of items) {
      const h = c.head.filter(real);
      const fam = CHANNEL_FAMILY[h.map((t) => t.image.toLowerCase()).join(' ')];
      if (fam && this.major === 2) {
        if (c.block && c.block.items.length > 0) return undefined;
        families.push(fam);
      } else rest.push(c);
    }
    if (this.major === 1) families.push(this.family1);
    return { families, rest };
  }

  private staticRoutes(it: Item): boolean {
    const ch = this.plainChannels(it.block!.items);
    if (!ch || ch.families.length !== 1) return false;
    const nets: { prefix: string; span: Span }[] = [];
    for (const r of ch.rest) {
      const h = r.head.filter(real);
      if (!(isKw(h[0], 'route') && isPfx(h[1]) && h.length === 3 && isKw(h[2], 'blackhole') && !r.block)) return false;
      const fam: Family = h[1]!.image.includes(':') ? 'ipv6-unicast' : 'ipv4-unicast';
      if (fam !== ch.families[0]) return false;
      nets.push({ prefix: h[1]!.image, span: this.span(r) });
    }
    for (const n of nets) this.speaker.networks.push({ prefix: n.prefix, origin: [n.span] });
    return true;
  }

  private direct(it: Item): boolean {
    const ch = this.plainChannels(it.block!.items);
    if (!ch || ch.families.length === 0) return false;
    const interfaces: string[] = [];
    for (const r of ch.rest) {
      const h = r.head.filter(real);
      if (!isKw(h[0], 'interface') || r.block) return false;
      const parts = splitTop(h.slice(1), (t) => t.image === ',');
      for (const p of parts) {
        if (p.length !== 1 || !isStr(p[0])) return false;
        interfaces.push(strValue(p[0])!);
      }
    }
    const span = this.span(it);
    for (const family of ch.families) {
      this.speaker.redistribute.push({ family, source: 'connected', ...(interfaces.length > 0 ? { interfaces: [...interfaces] } : {}), origin: [span] });
    }
    return true;
  }

  private bfd(it: Item, name: string): void {
    const ctx = [`protocol bfd ${name}`];
    for (const c of it.block!.items) {
      const h = c.head.filter(real);
      if (isKw(h[0], 'interface') && c.block) {
        const pats = splitTop(h.slice(1), (t) => t.image === ',');
        if (pats.length === 0 || pats.some((p) => p.length !== 1 || !isStr(p[0]))) {
          this.bfdRaw.push(this.unrecognized(c, ctx));
          continue;
        }
        const interfaces = pats.map((p) => strValue(p[0])!);
        this.bfdProfile(c, interfaces[0]!, { interfaces });
      } else if (isKw(h[0], 'multihop') && h.length === 1 && c.block) {
        this.bfdProfile(c, 'multihop', { multihop: true });
      } else if (isKw(h[0], 'neighbor') || isKw(h[0], 'accept')) {
        this.bfdRaw.push(this.ignored(c, `BFD \`${h[0]!.image}\``, ctx));
      } else if (h.length === 0 && !c.block) {
        continue;
      } else {
        this.bfdRaw.push(this.unrecognized(c, ctx));
      }
    }
  }

  private bfdProfile(c: Item, name: string, extra: Partial<BfdProfile>): void {
    const p: BfdProfile = { name, ...extra, origin: [this.span(c)] };
    const ctx = [`BFD ${name}`];
    for (const o of c.block!.items) {
      const h = o.head.filter(real);
      if (h.length === 0) continue;
      const us = (at: number): number | undefined => this.timeUs(h.slice(at));
      let ok = true;
      if (isKw(h[0], 'interval')) {
        const v = us(1);
        if (v === undefined) ok = false;
        else p.receiveIntervalUs = p.transmitIntervalUs = v;
      } else if (kws(h, 0, 'min', 'rx', 'interval')) ok = (p.receiveIntervalUs = us(3)) !== undefined;
      else if (kws(h, 0, 'min', 'tx', 'interval')) ok = (p.transmitIntervalUs = us(3)) !== undefined;
      else if (kws(h, 0, 'idle', 'tx', 'interval')) ok = (p.idleTransmitIntervalUs = us(3)) !== undefined;
      else if (isKw(h[0], 'multiplier') && h.length === 2 && isNum(h[1])) p.detectMultiplier = numValue(h[1]);
      else if (isKw(h[0], 'passive') && h.length <= 2 && boolValue(h[1]) !== undefined) p.passive = boolValue(h[1]);
      else ok = false;
      if (!ok) this.sink.report('parse/unrecognized', `BFD option \`${tokensText(h)}\` is not mapped to the IR and is not kept`, { span: this.span(o) });
    }
    const i = this.speaker.bfdProfiles.findIndex((x) => x.name === name);
    if (i >= 0) this.speaker.bfdProfiles[i] = p;
    else this.speaker.bfdProfiles.push(p);
    void ctx;
  }

  /** BIRD time literal (`100 ms`, `1 s`, `10 us`, or a bare number of seconds) → microseconds. */
  private timeUs(toks: Tok[]): number | undefined {
    const n = numValue(this.constant(toks[0]!));
    if (n === undefined) return undefined;
    if (toks.length === 1) return n * 1_000_000;
    if (toks.length !== 2) return undefined;
    const u = toks[1]!.image.toLowerCase();
    if (u === 's') return n * 1_000_000;
    if (u === 'ms') return n * 1000;
    if (u === 'us') return n;
    return undefined;
  }

  // ------------------------------------------------------------------ BGP

  private bgp(it: Item, name: string, from: string | undefined, template: boolean, h: Tok[]): void {
    const ctx = [`${template ? 'template' : 'protocol'} bgp ${name}`];
    const s: Settings = { origin: [this.span(it)] };
    const ranges: { prefix: string; span: Span }[] = [];
    const state: BgpState = { address: undefined, ttlSecurity: undefined, localAsn: undefined, localAsSpan: undefined, protocolFamily: undefined };
    for (const c of it.block!.items) {
      try {
        this.bgpOption(c, s, state, ranges, name, ctx);
      } catch (e) {
        this.sink.report('parse/unrecognized', `could not read this option (${(e as Error).message}); kept raw for BIRD`, { span: this.span(c) });
        (s.raw ??= []).push(this.rawOf(c, ctx));
      }
    }
    if (state.ttlSecurity) {
      s.ttlSecurityHops = s.multihop?.enabled ? (s.multihop.ttl ?? 64) : 1;
    }
    // BIRD 1: the family comes from the daemon; protocol-level import/export belong to it.
    if (this.major === 1) {
      const fam = state.protocolFamily;
      if (!template || fam) {
        const f: FamilySettings = { family: this.family1, ...(fam ?? {}) };
        if (!template) f.activate = true;
        s.families = [f];
      }
    }
    if (state.rrClient !== undefined || state.allowAsIn !== undefined) {
      const fams = s.families ?? [];
      if (fams.length === 0) {
        this.sink.report('parse/unrecognized', `\`${state.rrClient !== undefined ? 'rr client' : 'allow local as'}\` applies per family in the IR, and ${ctx[0]} declares no channel; not kept`, {
          span: state.familyOnlySpan,
        });
      }
      for (const f of fams) {
        if (state.rrClient !== undefined) f.routeReflectorClient = state.rrClient;
        if (state.allowAsIn !== undefined) f.allowAsIn = state.allowAsIn;
      }
    }
    this.localAs.set(s.origin, { asn: state.localAsn ?? -1, target: s, span: state.localAsSpan, inherited: from });

    if (template || ranges.length > 0) {
      const g: PeerGroup = { name, kind: 'template', ...(from ? { inherits: from } : {}), ...s };
      if (ranges.length > 0 && state.address) {
        this.sink.report('parse/invalid', `${ctx[0]} has both a neighbor address and a neighbor range`, { span: this.span(it) });
      }
      this.speaker.peerGroups.push(g);
      for (const r of ranges) this.speaker.listenRanges.push({ prefix: r.prefix, group: name, origin: [r.span] });
      return;
    }
    const peer: Peer = { id: name, ...(isExplicitName(h) ? { name } : {}), ...(from ? { group: from } : {}), ...(state.address ? { address: state.address } : {}), ...s };
    if (state.iface) peer.interface = state.iface;
    this.speaker.peers.push(reorderPeer(peer));
  }

  private bgpOption(c: Item, s: Settings, st: BgpState, ranges: { prefix: string; span: Span }[], name: string, ctx: string[]): void {
    const h = c.head.filter(real);
    if (h.length === 0 && !c.block) return;
    const w = h[0]?.image.toLowerCase() ?? '';
    const raw = (): void => {
      (s.raw ??= []).push(this.unrecognized(c, ctx));
    };
    const timers = (): NonNullable<Settings['timers']> => (s.timers ??= {});
    const gr = (): NonNullable<Settings['gracefulRestart']> => (s.gracefulRestart ??= {});
    const n = (at: number): number | undefined => (at === h.length - 1 ? numValue(this.constant(h[at]!)) : undefined);
    const chanKey = h.map((t) => t.image.toLowerCase()).join(' ');
    if (this.major === 2 && CHANNEL_FAMILY[chanKey]) {
      const f = this.channel(c, CHANNEL_FAMILY[chanKey]!, name, ctx);
      const fams = (s.families ??= []);
      const i = fams.findIndex((x) => x.family === f.family);
      if (i >= 0) fams[i] = f;
      else fams.push(f);
      return;
    }
    if (w === 'debug') {
      (s.raw ??= []).push(this.ignored(c, '`debug`', ctx));
      return;
    }
    const blockOk = (w === 'bfd' && h.length === 1) || (this.major === 1 && (w === 'import' || w === 'export') && isKw(h[1], 'filter') && h.length === 2);
    if (c.block && !blockOk) return raw();
    switch (w) {
      case 'description':
        if (isStr(h[1]) && h.length === 2) s.description = strValue(h[1]);
        else raw();
        return;
      case 'local': {
        let i = 1;
        if (isIp(this.constant(h[i] ?? h[0]!)) && h[i]) {
          s.localAddress = this.constant(h[i]!).image;
          i++;
        } else if (isWord(h[i]) && !isKw(h[i], 'as') && !isKw(h[i], 'port')) {
          this.symbolIp(h[i], 'local address', c);
          i++;
        }
        while (i < h.length) {
          if (isKw(h[i], 'as') && numValue(this.constant(h[i + 1]!)) !== undefined) {
            st.localAsn = numValue(this.constant(h[i + 1]!));
            st.localAsSpan = this.span(c);
            i += 2;
          } else if (isKw(h[i], 'port') && isNum(h[i + 1])) {
            s.localPort = numValue(h[i + 1]);
            i += 2;
          } else return raw();
        }
        return;
      }
      case 'neighbor': {
        let i = 1;
        if (isKw(h[1], 'range') && isPfx(h[2])) {
          ranges.push({ prefix: h[2]!.image, span: this.span(c) });
          i = 3;
        } else if (h[1] && isIp(this.constant(h[1]))) {
          st.address = this.constant(h[1]).image;
          i = 2;
          if (h[i]?.image === '%' && (isWord(h[i + 1]) || isStr(h[i + 1]))) {
            st.iface = isStr(h[i + 1]) ? strValue(h[i + 1]) : h[i + 1]!.image.replace(/^'|'$/g, '');
            i += 2;
          }
        } else if (isWord(h[1]) && !['as', 'port', 'internal', 'external', 'range', 'onlink'].includes(h[1]!.image.toLowerCase())) {
          this.symbolIp(h[1], 'neighbor address', c);
          i = 2;
        }
        while (i < h.length) {
          const k = h[i]!.image.toLowerCase();
          if (k === 'as' && numValue(this.constant(h[i + 1]!)) !== undefined) {
            s.remoteAs = { kind: 'explicit', asn: numValue(this.constant(h[i + 1]!))! };
            i += 2;
          } else if (k === 'port' && isNum(h[i + 1])) {
            s.port = numValue(h[i + 1]);
            i += 2;
          } else if (k === 'internal' || k === 'external') {
            // With an explicit AS the keyword is only a check BIRD makes; the AS is kept.
            if (s.remoteAs?.kind !== 'explicit') s.remoteAs = { kind: k };
            i++;
          } else return raw();
        }
        return;
      }
      case 'interface':
        if (isStr(h[1]) && h.length === 2) st.iface = strValue(h[1]);
        else raw();
        return;
      case 'direct':
        if (h.length === 1) s.multihop = { enabled: false };
        else raw();
        return;
      case 'multihop':
        if (h.length === 1) s.multihop = { enabled: true };
        else if (n(1) !== undefined) s.multihop = { enabled: true, ttl: n(1)! };
        else raw();
        return;
      case 'source':
        if (isKw(h[1], 'address') && h.length === 3) {
          const ip = this.symbolIp(h[2], 'source address', c);
          if (ip) s.localAddress = ip;
        } else raw();
        return;
      case 'passive':
        if (h.length <= 2 && boolValue(h[1]) !== undefined) s.passive = boolValue(h[1]);
        else raw();
        return;
      case 'disabled':
        if (h.length <= 2 && boolValue(h[1]) !== undefined) s.shutdown = boolValue(h[1]);
        else raw();
        return;
      case 'password':
        if (isStr(h[1]) && h.length === 2) s.password = { kind: 'literal', value: strValue(h[1])! };
        else raw();
        return;
      case 'hold':
      case 'keepalive': {
        // proto/bgp/config.Y: hold time 0 or 3-65535, keepalive 1-65535, and keepalive at most hold.
        const v = kws(h, 1, 'time') ? n(2) : undefined;
        if (v === undefined) return raw();
        const hold = w === 'hold';
        const other = hold ? s.timers?.keepalive : s.timers?.holdTime;
        const why =
          hold && v !== 0 && (v < 3 || v > 65535) ? `hold time ${v}: BIRD takes 0 or 3-65535 seconds`
          : !hold && (v < 1 || v > 65535) ? `keepalive time ${v}: BIRD takes 1-65535 seconds`
          : other !== undefined && (hold ? other > v : v > other) ? `keepalive time must be at most hold time (${hold ? other : v} > ${hold ? v : other})`
          : undefined;
        if (why) {
          this.sink.report('parse/invalid', `${why}; kept raw for BIRD`, { span: this.span(c) });
          (s.raw ??= []).push(this.rawOf(c, ctx));
          return;
        }
        timers()[hold ? 'holdTime' : 'keepalive'] = v;
        return;
      }
      case 'connect':
        if (kws(h, 1, 'retry', 'time') && n(3) !== undefined && n(3)! <= 65535) timers().connectRetry = n(3);
        else raw();
        return;
      case 'startup':
        if (kws(h, 1, 'hold', 'time') && n(3) !== undefined && n(3)! <= 65535) timers().startupHoldTime = n(3);
        else raw();
        return;
      case 'graceful':
        if (kws(h, 1, 'restart', 'time') && n(3) !== undefined && n(3)! <= 65535) gr().restartTime = n(3);
        else if (kws(h, 1, 'restart') && h.length <= 3) {
          const v = h[2]?.image.toLowerCase();
          if (v === 'aware') Object.assign(gr(), { enabled: true, mode: 'helper-only' });
          else if (boolValue(h[2]) === true) Object.assign(gr(), { enabled: true, mode: 'full' });
          else if (boolValue(h[2]) === false) Object.assign(gr(), { enabled: false, mode: 'disabled' });
          else raw();
        } else raw();
        return;
      case 'long':
        if (kws(h, 1, 'lived', 'stale', 'time') && n(4) !== undefined) {
          const g = gr();
          g.longLived = { enabled: g.longLived?.enabled ?? true, staleTime: n(4)! };
        } else if (kws(h, 1, 'lived', 'graceful', 'restart') && h.length <= 5) {
          const v = h[4]?.image.toLowerCase();
          const on = v === 'aware' ? undefined : boolValue(h[4]);
          if (on === undefined) return raw();
          const g = gr();
          g.longLived = { ...g.longLived, enabled: on };
        } else raw();
        return;
      case 'bfd':
        if (c.block) {
          const b: NonNullable<Settings['bfd']> = { enabled: true };
          for (const o of c.block.items) {
            const oh = o.head.filter(real);
            if (oh.length === 0) continue;
            if (kws(oh, 0, 'min', 'rx', 'interval')) b.receiveIntervalUs = this.timeUs(oh.slice(3));
            else if (kws(oh, 0, 'min', 'tx', 'interval')) b.transmitIntervalUs = this.timeUs(oh.slice(3));
            else if (isKw(oh[0], 'interval')) b.receiveIntervalUs = b.transmitIntervalUs = this.timeUs(oh.slice(1));
            else if (isKw(oh[0], 'multiplier') && isNum(oh[1])) b.detectMultiplier = numValue(oh[1]);
            else this.sink.report('parse/unrecognized', `BFD option \`${tokensText(oh)}\` is not mapped to the IR and is not kept`, { span: this.span(o) });
          }
          for (const k of ['receiveIntervalUs', 'transmitIntervalUs'] as const) if (b[k] === undefined) delete b[k];
          b.origin = [this.span(c)];
          s.bfd = b;
        } else if (isKw(h[1], 'graceful') && h.length === 2) s.bfd = { enabled: true, mode: 'graceful' };
        else if (h.length <= 2 && boolValue(h[1]) !== undefined) s.bfd = { enabled: boolValue(h[1])! };
        else raw();
        return;
      case 'rr':
        if (kws(h, 1, 'client') && h.length <= 3 && boolValue(h[2]) !== undefined) {
          st.rrClient = boolValue(h[2]);
          st.familyOnlySpan = this.span(c);
        } else if (kws(h, 1, 'cluster', 'id') && h.length === 4 && (isIp(h[3]) || isNum(h[3]))) {
          s.routeReflectorClusterId = h[3]!.image;
        } else raw();
        return;
      case 'allow':
        if (kws(h, 1, 'local', 'as') && h.length <= 4) {
          if (h.length === 3) st.allowAsIn = 'origin';
          else {
            const v = numValue(h[3]);
            if (v === undefined || v < 1 || v > 10) return raw();
            st.allowAsIn = v;
          }
          st.familyOnlySpan = this.span(c);
        } else raw();
        return;
      case 'enable':
        if (kws(h, 1, 'route', 'refresh') && h.length <= 4 && boolValue(h[3]) !== undefined) (s.capabilities ??= {}).routeRefresh = boolValue(h[3]);
        else if (kws(h, 1, 'as4') && h.length <= 3 && boolValue(h[2]) !== undefined) (s.capabilities ??= {}).fourOctetAs = boolValue(h[2]);
        else if (kws(h, 1, 'extended', 'messages')) raw();
        else raw();
        return;
      case 'ttl':
        if (kws(h, 1, 'security') && h.length <= 3 && boolValue(h[2]) !== undefined) {
          st.ttlSecurity = boolValue(h[2]);
          if (st.ttlSecurity === false) {
            this.sink.report('parse/ignored', '`ttl security off` is BIRD\'s default; nothing to keep', { span: this.span(c) });
          }
        } else raw();
        return;
      case 'debug':
        (s.raw ??= []).push(this.ignored(c, '`debug`', ctx));
        return;
      default:
        break;
    }
    // Channel options written at protocol level (BIRD 1; BIRD 2 only in channels).
    if (this.major === 1) {
      const f = (st.protocolFamily ??= { family: this.family1 });
      if (this.channelOption(c, h, f, name, ctx, 'protocol')) return;
    }
    raw();
  }

  private channel(c: Item, family: Family, protoName: string, ctx: string[]): FamilySettings {
    const f: FamilySettings = { family, activate: true, origin: [this.span(c)] };
    const fctx = [...ctx, familyWord(family)];
    for (const o of c.block?.items ?? []) {
      const h = o.head.filter(real);
      if (h.length === 0 && !o.block) continue;
      if (this.channelOption(o, h, f, protoName, fctx, familyWord(family))) continue;
      if (isKw(h[0], 'table') && h.length === 2 && h[1]!.image === (family === 'ipv6-unicast' ? 'master6' : 'master4')) {
        (f.raw ??= []).push(this.ignored(o, `\`table ${h[1]!.image}\` (the default table)`, fctx));
        continue;
      }
      (f.raw ??= []).push(this.unrecognized(o, fctx));
    }
    return f;
  }

  /** One channel option into `f`; false when not mapped. */
  private channelOption(o: Item, h: Tok[], f: FamilySettings, protoName: string, ctx: string[], famTag: string): boolean {
    const w = h[0]?.image.toLowerCase();
    if ((w === 'import' || w === 'export') && !isKw(h[1], 'limit') && !isKw(h[1], 'keep') && !isKw(h[1], 'table')) {
      const chain = this.policyChain(o, h, `${protoName}_${famTag === 'protocol' ? '' : `${famTag}_`}${w}`);
      if (!chain) return false;
      f[w] = chain;
      return true;
    }
    if ((w === 'import' || w === 'export' || w === 'receive') && isKw(h[1], 'limit')) {
      if (w === 'receive') return false;
      const max = numValue(this.constant(h[2] ?? h[0]!));
      if (max === undefined || max < 1) return false;
      const lim: NonNullable<FamilySettings['prefixLimit']> = { max, origin: [this.span(o)] };
      if (h.length === 5 && isKw(h[3], 'action')) {
        const a = h[4]!.image.toLowerCase();
        if (a === 'warn') lim.warningOnly = true;
        else if (a !== 'disable') return false;
      } else if (h.length !== 3) return false;
      if (w === 'import') f.prefixLimit = lim;
      else f.exportLimit = lim;
      return true;
    }
    if (w === 'next' && isKw(h[1], 'hop') && !o.block) {
      const v = h[2]?.image.toLowerCase();
      const arg = h[3]?.image.toLowerCase();
      if (v === 'self' && (h.length === 3 || arg === 'on' || arg === 'yes')) f.nextHopSelf = 'force';
      else if (v === 'self' && arg === 'ebgp' && h.length === 4) f.nextHopSelf = 'self';
      else if (v === 'keep' && (h.length === 3 || arg === 'on' || arg === 'yes')) f.nextHopSelf = 'keep';
      else return false;
      return true;
    }
    if (w === 'import' && isKw(h[1], 'table') && h.length <= 3 && boolValue(h[2]) !== undefined && this.major === 2) {
      f.softReconfigurationInbound = boolValue(h[2]);
      return true;
    }
    if (w === 'gateway' && h.length === 2 && (isKw(h[1], 'direct') || isKw(h[1], 'recursive'))) {
      f.gateway = h[1]!.image.toLowerCase() as 'direct' | 'recursive';
      return true;
    }
    if (w === 'add' && isKw(h[1], 'paths') && h.length <= 3) {
      const v = h[2]?.image.toLowerCase();
      if (v === 'tx') f.addPath = { send: 'all' };
      else if (v === 'rx') f.addPath = { receive: true };
      else if (boolValue(h[2]) === true) f.addPath = { send: 'all', receive: true };
      else if (boolValue(h[2]) === false) f.addPath = { receive: false };
      else return false;
      return true;
    }
    if (w === 'extended' && kws(h, 1, 'next', 'hop') && h.length <= 4 && boolValue(h[3]) !== undefined) {
      f.extendedNextHop = boolValue(h[3]);
      return true;
    }
    void ctx;
    return false;
  }

  private policyChain(o: Item, h: Tok[], inlineName: string): PolicyChain | undefined {
    const origin = [this.span(o)];
    if (h.length === 2 && isKw(h[1], 'all') && !o.block) return { chain: [], defaultAction: 'accept', origin };
    if (h.length === 2 && isKw(h[1], 'none') && !o.block) return { chain: [], defaultAction: 'reject', origin };
    if (h.length === 3 && isKw(h[1], 'filter') && isWord(h[2]) && !o.block) {
      return { chain: [{ kind: 'policy', name: h[2]!.image, origin: tokSpan(this.file, h[2]) ? [tokSpan(this.file, h[2])!] : [] }], origin };
    }
    if (h.length === 2 && isKw(h[1], 'filter') && o.block) {
      const name = this.uniqueName(inlineName);
      const p = new FilterTranslator(this.file, this, this.dialect, name).translate(o.block.items, this.span(o));
      this.addPolicy(p);
      return { chain: [{ kind: 'policy', name }], origin };
    }
    if (h.length > 2 && isKw(h[1], 'where') && !o.block) {
      const name = this.uniqueName(inlineName);
      const p = new FilterTranslator(this.file, this, this.dialect, name).translateWhere(h.slice(2), this.span(o));
      this.addPolicy(p);
      return { chain: [{ kind: 'policy', name }], origin };
    }
    return undefined;
  }

  // ------------------------------------------------------------------ finishing

  private finish(): void {
    // Protocols and templates stating another AS than the speaker's keep it as localAs.
    const groupAs = new Map<string, number>();
    for (const g of this.speaker.peerGroups) {
      const e = this.localAs.get(g.origin);
      if (e && e.asn >= 0) groupAs.set(g.name, e.asn);
    }
    const groupsByName = new Map(this.speaker.peerGroups.map((g) => [g.name, g]));
    const effective = (e: { asn: number; inherited: string | undefined }, seen = 0): number | undefined => {
      if (e.asn >= 0) return e.asn;
      let name = e.inherited;
      for (let i = 0; name && i < 16 + seen; i++) {
        const v = groupAs.get(name);
        if (v !== undefined) return v;
        name = groupsByName.get(name)?.inherits;
      }
      return undefined;
    };
    // The speaker AS: the local AS most sessions use (ties: the lowest), so that
    // the choice does not depend on the order of protocols.
    const counts = new Map<number, number>();
    const rangeGroups = new Set(this.speaker.listenRanges.map((r) => r.group));
    const sessions: (Peer | PeerGroup)[] = [...this.speaker.peers, ...this.speaker.peerGroups.filter((g) => rangeGroups.has(g.name))];
    for (const p of sessions) {
      const e = this.localAs.get(p.origin);
      const v = e ? effective(e) : undefined;
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    let asn: number | undefined;
    for (const [v, c] of counts) if (asn === undefined || c > counts.get(asn)! || (c === counts.get(asn)! && v < asn)) asn = v;
    if (asn === undefined) asn = [...groupAs.values()].sort((a, b) => a - b)[0];
    if (asn !== undefined) this.speaker.asn = asn;
    const all: (Peer | PeerGroup)[] = [...this.speaker.peerGroups, ...this.speaker.peers];
    for (const x of all) {
      const e = this.localAs.get(x.origin);
      if (!e || e.asn < 0 || e.asn === asn) continue;
      x.localAs = { asn: e.asn, ...(e.span ? { origin: [e.span] } : {}) };
    }
    // BFD: sessions take the interval settings of the one interface (or multihop) block.
    const ifaceProfiles = this.speaker.bfdProfiles.filter((p) => !p.multihop);
    const mhProfiles = this.speaker.bfdProfiles.filter((p) => p.multihop);
    for (const x of all) {
      if (!x.bfd?.enabled || x.bfd.profile) continue;
      const mh = x.multihop?.enabled;
      if (mh === true && mhProfiles.length === 1) x.bfd.profile = mhProfiles[0]!.name;
      else if (mh !== true && ifaceProfiles.length === 1) x.bfd.profile = ifaceProfiles[0]!.name;
    }
    if (this.bfdRaw.length > 0) pushAll(this.speaker.raw, this.bfdRaw);
    // Canonical order, the one the writer uses: definitions before protocols
    // (each group keeps its source order; BIRD needs a symbol defined before use,
    // and protocols only refer to definitions).
    const isProto = (r: RawNode): boolean => !r.context && /^(protocol|template)\b/i.test(r.text);
    this.speaker.raw = [...this.speaker.raw.filter((r) => !isProto(r)), ...this.speaker.raw.filter(isProto)];
  }
}

interface BgpState {
  address: string | undefined;
  iface?: string | undefined;
  ttlSecurity: boolean | undefined;
  localAsn: number | undefined;
  localAsSpan: Span | undefined;
  protocolFamily: FamilySettings | undefined;
  rrClient?: boolean | undefined;
  allowAsIn?: number | 'origin' | undefined;
  familyOnlySpan?: Span;
}

function isExplicitName(h: Tok[]): boolean {
  return isWord(h[2]) && !isKw(h[2], 'from');
}

function reorderPeer(p: Peer): Peer {
  const { id, name, address, interface: iface, group, ...rest } = p;
  return { id, ...(name !== undefined ? { name } : {}), ...(address !== undefined ? { address } : {}), ...(iface !== undefined ? { interface: iface } : {}), ...(group !== undefined ? { group } : {}), ...rest };
}

function familyWord(f: Family): string {
  const entry = Object.entries(CHANNEL_FAMILY).find(([, v]) => v === f);
  return (entry?.[0] ?? f).replace(/ /g, '_');
}

function communityTuple(p: Tok[], kind: 'standard' | 'large'): string | undefined {
  const want = kind === 'standard' ? 2 : 3;
  if (p.length !== want * 2 + 1 || p[0]!.image !== '(' || p[p.length - 1]!.image !== ')') return undefined;
  const parts = splitTop(p.slice(1, -1), (t) => t.image === ',');
  if (parts.length !== want || parts.some((x) => x.length !== 1 || !isNum(x[0]))) return undefined;
  return parts.map((x) => String(numValue(x[0]!))).join(':');
}

/** The innermost `{` left open at the end of the tokens, if any. */
function unclosedBrace(tokens: readonly Tok[]): Tok | undefined {
  const open: Tok[] = [];
  for (const t of tokens) {
    if (t.image === '{') open.push(t);
    else if (t.image === '}') open.pop();
  }
  return open[open.length - 1];
}

/**
 * The value checks BIRD's lexer and grammar make (conf/cf-lex.l, nest/config.Y):
 * numbers fit in 32 bits, addresses are well-formed, prefix lengths are at most
 * 32 / 128 with no host bits. A bad token is reported and retyped, so that no
 * statement takes its value into the IR (the statement is kept raw instead).
 */
function checkValues(file: SourceFile, tokens: readonly Tok[], sink: Sink): void {
  // `2001:db8:::1` is one (bad) address to BIRD; the scanner splits it, so join the adjacent pieces back.
  for (let i = 0; i < tokens.length; i++) {
    let j = i;
    while (j + 1 < tokens.length && end(tokens[j]!) === tokens[j + 1]!.startOffset && HEXISH.test(tokens[j + 1]!.image)) j++;
    if (j > i && HEXISH.test(tokens[i]!.image)) {
      const text = file.text.slice(tokens[i]!.startOffset, end(tokens[j]!));
      if (text.includes(':::')) {
        sink.report('parse/invalid', `invalid IPv6 address ${text}`, { span: file.span(tokens[i]!.startOffset, end(tokens[j]!)) });
        for (let k = i; k <= j; k++) refuse(tokens[k]!);
      }
    }
    i = j;
  }
  for (const t of tokens) {
    const why = isNum(t) ? numberProblem(t.image) : isIp(t) ? addressProblem(t.image) : isPfx(t) ? prefixProblem(t.image) : undefined;
    if (!why) continue;
    sink.report('parse/invalid', why, { span: file.span(t.startOffset, end(t)) });
    refuse(t);
  }
}

const HEXISH = /^[0-9A-Fa-f:.]+$/;

/** Tokens checkValues refused (already reported). */
const REFUSED = new WeakSet<Tok>();

function refuse(t: Tok): void {
  t.tokenType = Op;
  REFUSED.add(t);
}

function numberProblem(image: string): string | undefined {
  const hex = /^0x/i.test(image);
  const digits = (hex ? image.slice(2) : image).replace(/^0+(?=.)/, '');
  const tooLong = hex ? digits.length > 8 : digits.length > 10 || (digits.length === 10 && digits > '4294967295');
  return tooLong ? `number ${image} is out of range: BIRD numbers are 0-4294967295` : undefined;
}

function v4Octets(a: string): number[] | undefined {
  const parts = a.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

/** The 8 groups of an IPv6 address, or undefined when it is not one. */
function v6Groups(a: string): number[] | undefined {
  const parts = a.split('::');
  if (a.includes(':::') || parts.length > 2 || (parts.length === 2 && parts[0]!.includes('.'))) return undefined;
  const side = (x: string): number[] | undefined => {
    if (x === '') return [];
    const gs = x.split(':');
    const out: number[] = [];
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i]!;
      const o = i === gs.length - 1 && g.includes('.') ? v4Octets(g) : undefined;
      if (o) out.push((o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!);
      else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return undefined;
    }
    return out;
  };
  const head = side(parts[0]!);
  const tail = parts.length === 2 ? side(parts[1]!) : [];
  if (!head || !tail) return undefined;
  if (parts.length === 1) return head.length === 8 ? head : undefined;
  const given = head.length + tail.length;
  return given > 7 ? undefined : [...head, ...new Array<number>(8 - given).fill(0), ...tail];
}

function addressProblem(image: string): string | undefined {
  if (image.includes(':')) return v6Groups(image) ? undefined : `invalid IPv6 address ${image}`;
  return v4Octets(image) ? undefined : `invalid IPv4 address ${image}`;
}

/**
 * A well-formed IPv4 prefix with no host bits set, by the shared char-loop
 * scanner (scanIpv4): true means no problem; false means "ask prefixProblem". Big
 * configs are mostly such prefixes.
 */
function plainV4Prefix(image: string): boolean {
  const p = scanIpv4(image);
  return p !== undefined && p.len >= 0 && (p.len === 32 || p.addr % 2 ** (32 - p.len) === 0);
}

const v6Head = new Uint16Array(8);
const v6Tail = new Uint16Array(8);

/** As plainV4Prefix, for IPv6 prefixes written with hex groups and at most one `::` (no embedded IPv4). */
function plainV6Prefix(image: string): boolean {
  const slash = image.indexOf('/');
  if (slash <= 0) return false;
  let nh = 0;
  let nt = 0;
  let double = false;
  let i = 0;
  if (image.charCodeAt(0) === 58) {
    if (image.charCodeAt(1) !== 58) return false;
    double = true;
    i = 2;
  }
  while (i < slash) {
    let g = 0;
    let digits = 0;
    for (; i < slash; i++) {
      const c = image.charCodeAt(i);
      const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (v < 0) break;
      if (++digits > 4) return false;
      g = g * 16 + v;
    }
    if (digits === 0) return false;
    if (double) {
      if (nt >= 8) return false;
      v6Tail[nt++] = g;
    } else {
      if (nh >= 8) return false;
      v6Head[nh++] = g;
    }
    if (i === slash) break;
    if (image.charCodeAt(i) !== 58) return false;
    i++;
    if (image.charCodeAt(i) === 58) {
      if (double) return false;
      double = true;
      i++;
      if (i === slash) break;
    } else if (i === slash) return false;
  }
  if (double ? nh + nt > 7 : nh !== 8) return false;
  let len = 0;
  let lenDigits = 0;
  for (let j = slash + 1; j < image.length; j++) {
    const c = image.charCodeAt(j);
    if (c < 48 || c > 57 || ++lenDigits > 3) return false;
    len = len * 10 + (c - 48);
  }
  if (lenDigits === 0 || len > 128) return false;
  for (let k = 0; k < 8; k++) {
    const g = k < nh ? v6Head[k]! : k >= 8 - nt ? v6Tail[k - (8 - nt)]! : 0;
    const keep = Math.max(0, Math.min(16, len - k * 16));
    if (keep < 16 && (g & (0xffff >> keep)) !== 0) return false;
  }
  return true;
}

function prefixProblem(image: string): string | undefined {
  if (plainV4Prefix(image) || plainV6Prefix(image)) return undefined;
  const slash = image.indexOf('/');
  const addr = image.slice(0, slash);
  const len = Number(image.slice(slash + 1));
  const v6 = addr.includes(':');
  const bad = addressProblem(addr);
  if (bad) return bad;
  if (len > (v6 ? 128 : 32)) return `invalid prefix length ${len} in ${image}: at most ${v6 ? 128 : 32}`;
  const bits = v6 ? v6Groups(addr)!.flatMap((g) => [g >> 8, g & 255]) : v4Octets(addr)!;
  for (let i = 0; i < bits.length; i++) {
    const keep = Math.max(0, Math.min(8, len - i * 8));
    if ((bits[i]! & (255 >> keep)) !== 0) return `invalid prefix ${image}: host bits are set after /${len}`;
  }
  return undefined;
}

/** BIRD's MAX_INCLUDE_DEPTH (conf/cf-lex.l): the main file is depth 1. */
const MAX_INCLUDE_DEPTH = 8;

/** A file name with `.`, `..` and repeated slashes folded, to recognize a file included again. */
function includeKey(name: string): string {
  const abs = name.startsWith('/');
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

function includeHint(path: string): string | undefined {
  if (/birdvars/.test(path)) {
    return "PureLB's BIRD container writes birdvars.conf at start-up from its environment (e.g. `define k8sipaddr = <node IP>;` from BIRD_HOST); pass the file as well, or read it with an include loader";
  }
  return 'read the file with the CLI (which resolves includes) or pass an include loader';
}

function placeholderHint(name: string): string {
  if (name === 'k8sipaddr') return "PureLB's BIRD container defines k8sipaddr (the node's IP address, from BIRD_HOST) in the generated birdvars.conf include";
  return 'it is probably defined in an include that was not read';
}

export { printItems };
