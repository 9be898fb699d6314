import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

const router = (prefix: string) => ({ peers: [], peerGroups: [{ name: 'k8s', remoteAs: { kind: 'external' } }], listenRanges: [{ prefix, group: 'k8s' }] });

describe('lint/listen-range-miss', () => {
  it("flags a speaker whose address no listen range covers, at its neighbor, with the range related", () => {
    const doc = pair({ router: router('10.1.0.0/24') });
    expect(where('listen-range-miss', doc)).toEqual(['- id: 10.0.0.1']);
    expect(findings('listen-range-miss', doc)[0]?.related?.[0]?.message).toBe('listen range 10.1.0.0/24');
  });

  it('accepts a covering range', () => {
    expect(findings('listen-range-miss', pair({ router: router('10.0.0.0/23') }))).toEqual([]);
  });
});
