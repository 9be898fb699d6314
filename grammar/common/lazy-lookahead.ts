/**
 * Chevrotain's LL(k) lookahead, computed on first use instead of up front.
 *
 * A parser's construction computes a lookahead function for every
 * alternation, option and repetition of the grammar: for the FRR grammar
 * (hundreds of command alternatives) that was most of the 0.2-0.4 s the CLI
 * spent before reading a byte. The functions depend only on the grammar, so
 * building each one the first time its production runs gives the same parser,
 * and a small config only pays for the commands it uses. The grammar
 * validations that need every function stay in the tests
 * (test/unit/frr/grammar-valid.test.ts builds the parser eagerly).
 */
import { LLkLookaheadStrategy, type ILookaheadStrategy, type ILookaheadValidationError } from 'chevrotain';

type OrArgs = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptArgs = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];
type OrFn = ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']>;
type OptFn = ReturnType<ILookaheadStrategy['buildLookaheadForOptional']>;

export class LazyLookahead implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;

  constructor(options: { maxLookahead: number }) {
    this.llk = new LLkLookaheadStrategy(options);
  }

  validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ILookaheadValidationError[] {
    return this.llk.validate(options);
  }

  initialize(options: { rules: Parameters<ILookaheadStrategy['validate']>[0]['rules'] }): void {
    this.llk.initialize?.(options);
  }

  buildLookaheadForAlternation(options: OrArgs): OrFn {
    let fn: OrFn | undefined;
    const llk = this.llk;
    return function (this: unknown, orAlts) {
      fn ??= llk.buildLookaheadForAlternation(options);
      return fn.call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: OptArgs): OptFn {
    let fn: OptFn | undefined;
    const llk = this.llk;
    return function (this: unknown) {
      fn ??= llk.buildLookaheadForOptional(options);
      return fn.call(this);
    };
  }
}
