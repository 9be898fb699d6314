import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

const pw = (value: string) => ({ password: { kind: 'literal', value } });

describe('lint/md5-one-sided', () => {
  it('flags a password on one end only (at the end without), and different passwords, never printing them', () => {
    expect(where('md5-one-sided', pair({ routerPeer: pw('s3cret') }))).toEqual(['- id: 10.0.0.1']);
    const diff = findings('md5-one-sided', pair({ routerPeer: pw('s3cret'), otherPeer: pw('other') }));
    expect(diff).toHaveLength(1);
    expect(JSON.stringify(diff)).not.toMatch(/s3cret|other"/);
  });

  it('accepts the same password, or a Secret reference it cannot compare', () => {
    expect(findings('md5-one-sided', pair({ routerPeer: pw('s3cret'), otherPeer: pw('s3cret') }))).toEqual([]);
    expect(findings('md5-one-sided', pair({ routerPeer: pw('s3cret'), otherPeer: { password: { kind: 'secretRef', name: 'bgp' } } }))).toEqual([]);
  });
});
