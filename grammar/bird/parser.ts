/**
 * The BIRD block grammar (BIRD 1.6 and 2.0).
 *
 * Every BIRD config is, at the level of conf/confbase.Y, a sequence of
 * statements; each statement is a run of atoms (words, numbers, addresses,
 * strings, operators, bracketed sets `[ … ]`, parenthesised groups `( … )`)
 * ended either by `;` or by a `{ … }` block (protocol and template bodies,
 * channel blocks, filter and function bodies, `if … then { … }`), which may
 * itself be followed by `;`. Filter statements (filter/config.Y) follow the
 * same shape: `if … then { … } else { … }` is two statements, the second
 * starting with `else`.
 *
 * This parser checks that structure (balanced blocks, sets and groups, every
 * statement terminated) and builds a light tree. What each statement means
 * (nest/config.Y, proto/bgp/config.Y, proto/bfd/config.Y,
 * proto/static/config.Y, filter/config.Y) is decided by the builder in
 * src/parse/bird/, keyword by keyword. One parser instance is created once
 * and reused.
 */
import { EmbeddedActionsParser, type IRecognitionException, type IToken } from 'chevrotain';
import { LazyLookahead } from '../common/lazy-lookahead.js';
import { allTokens, Ip, LBrace, LBracket, LParen, Num, Op, Pfx, RBrace, RBracket, RParen, Semi, Str, Word } from './tokens.js';

export interface Block {
  open: IToken;
  close: IToken | undefined;
  items: Item[];
}

/** One statement: head atoms (flat, brackets and parentheses included), then an optional block, then an optional `;`. */
export interface Item {
  head: IToken[];
  block?: Block;
  semi?: IToken;
}

export class BirdParser extends EmbeddedActionsParser {
  /** As in the FRR grammar: validations and eager lookahead only in test/unit/frr/grammar-valid.test.ts. */
  static skipValidations = true;

  /** Where atoms go: the head of the statement being read. */
  private cur: IToken[] = [];

  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      skipValidations: BirdParser.skipValidations,
      ...(BirdParser.skipValidations ? { lookaheadStrategy: new LazyLookahead({ maxLookahead: 2 }) } : {}),
    });
    this.performSelfAnalysis();
  }

  resetHead(): void {
    this.cur = [];
  }

  public config = this.RULE('config', (): Item[] => {
    const items: Item[] = [];
    this.MANY(() => {
      const it = this.SUBRULE(this.item);
      if (it) items.push(it);
    });
    return items;
  });

  private item = this.RULE('item', (): Item => {
    const head: IToken[] = [];
    let block: Block | undefined;
    let semi: IToken | undefined;
    const saved = this.cur;
    this.cur = head;
    const blockThenSemi = (): void => {
      block = this.SUBRULE(this.block);
      this.OPTION(() => {
        semi = this.CONSUME(Semi);
      });
    };
    const blockThenSemi2 = (): void => {
      block = this.SUBRULE2(this.block);
      this.OPTION2(() => {
        semi = this.CONSUME4(Semi);
      });
    };
    this.OR([
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.SUBRULE(this.atom));
          this.cur = saved;
          this.OR2([
            { ALT: blockThenSemi },
            { ALT: () => (semi = this.CONSUME2(Semi)) },
            // The last entry of an option list may go without `;`: `debug { states }`.
            { GATE: () => this.LA(1).tokenType === RBrace, ALT: () => undefined, IGNORE_AMBIGUITIES: true },
          ]);
        },
      },
      { ALT: blockThenSemi2 },
      { ALT: () => (semi = this.CONSUME3(Semi)) },
    ]);
    this.cur = saved;
    const it: Item = { head };
    if (block) it.block = block;
    if (semi) it.semi = semi;
    return it;
  });

  private block = this.RULE('block', (): Block => {
    const open = this.CONSUME(LBrace);
    const items: Item[] = [];
    this.MANY(() => {
      const it = this.SUBRULE(this.item);
      if (it) items.push(it);
    });
    const close = this.CONSUME(RBrace);
    return { open, close: Number.isNaN(close.startOffset) ? undefined : close, items };
  });

  private atom = this.RULE('atom', () => {
    const out = this.cur;
    this.OR([
      { ALT: () => out.push(this.CONSUME(Word)) },
      { ALT: () => out.push(this.CONSUME(Num)) },
      { ALT: () => out.push(this.CONSUME(Ip)) },
      { ALT: () => out.push(this.CONSUME(Pfx)) },
      { ALT: () => out.push(this.CONSUME(Str)) },
      { ALT: () => out.push(this.CONSUME(Op)) },
      { ALT: () => this.SUBRULE(this.bracketGroup) },
      { ALT: () => this.SUBRULE(this.parenGroup) },
    ]);
  });

  /** `[ … ]`: sets and path masks; may contain `{a,b}` prefix ranges. */
  private bracketGroup = this.RULE('bracketGroup', () => {
    const out = this.cur;
    out.push(this.CONSUME(LBracket));
    this.MANY(() => this.SUBRULE(this.inner));
    out.push(this.CONSUME(RBracket));
  });

  /** `( … )`: expressions, and function parameter lists (`int a; int b`). */
  private parenGroup = this.RULE('parenGroup', () => {
    const out = this.cur;
    out.push(this.CONSUME(LParen));
    this.MANY(() => this.SUBRULE(this.inner));
    out.push(this.CONSUME(RParen));
  });

  /** Inside brackets and parentheses: atoms, `;`, and balanced `{ … }` (prefix ranges, flowspec literals). */
  private inner = this.RULE('inner', () => {
    const out = this.cur;
    this.OR([
      { ALT: () => this.SUBRULE(this.atom) },
      { ALT: () => out.push(this.CONSUME(Semi)) },
      {
        ALT: () => {
          out.push(this.CONSUME(LBrace));
          this.MANY(() => this.SUBRULE2(this.inner));
          out.push(this.CONSUME(RBrace));
        },
      },
    ]);
  });
}

let instance: BirdParser | undefined;

export interface ParseOutput {
  items: Item[];
  errors: IRecognitionException[];
}

/** Parses a token list (from scan()) into statements. The parser instance is reused. */
export function parseTokens(tokens: IToken[]): ParseOutput {
  instance ??= new BirdParser();
  instance.input = tokens;
  instance.resetHead();
  const items = instance.config() ?? [];
  return { items, errors: [...instance.errors] };
}
