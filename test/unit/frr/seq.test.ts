/** FRR list entry order: by sequence number, a repeated number replaces the entry (prefix lists), implicit numbers count on by 5. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/index.js';

const entriesOf = (text: string) => parse({ name: 'frr.conf', text, format: 'frr' }).doc.speakers[0]!.policy.prefixSets[0]!.entries.map((e) => `${e.seq ?? '-'} ${e.prefix}`);

describe('FRR prefix-list sequence numbers', () => {
  it('sorts out-of-order entries, replaces a repeated number and numbers unnumbered entries after the highest', () => {
    const text = ['ip prefix-list L seq 20 permit 10.0.20.0/24', 'ip prefix-list L seq 10 permit 10.0.10.0/24', 'ip prefix-list L permit 10.0.25.0/24', 'ip prefix-list L seq 10 deny 10.1.10.0/24', ''].join('\n');
    expect(entriesOf(text)).toEqual(['10 10.1.10.0/24', '20 10.0.20.0/24', '- 10.0.25.0/24']);
  });

  it('matches a model of FRR on random lists', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), { minLength: 1, maxLength: 25 }), (seqs) => {
        const model = new Map<number, string>();
        let max = 0;
        const lines = seqs.map((s, i) => {
          const n = s ?? Math.floor(max / 5) * 5 + 5;
          max = Math.max(max, n);
          const p = `10.${i}.0.0/16`;
          model.set(n, `${s ?? '-'} ${p}`);
          return `ip prefix-list L${s !== undefined ? ` seq ${s}` : ''} permit ${p}`;
        });
        const want = [...model.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
        expect(entriesOf(lines.join('\n') + '\n')).toEqual(want);
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 300) },
    );
  });
});
