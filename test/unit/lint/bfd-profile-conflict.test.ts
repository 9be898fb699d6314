import { describe, expect, it } from 'vitest';
import { findings, where } from './harness.js';

const doc = (second: string) => `speakers:
  - id: cluster
    kind: node-group
    bfdProfiles:
      - {name: fast, receiveIntervalUs: 100000}
      - ${second}
`;

describe('lint/bfd-profile-conflict', () => {
  it('flags a profile name defined twice with different settings, at the second', () => {
    expect(where('bfd-profile-conflict', doc('{name: fast, receiveIntervalUs: 300000}'))).toEqual(['- {name: fast, receiveIntervalUs: 300000}']);
  });

  it('accepts identical duplicates and distinct names', () => {
    expect(findings('bfd-profile-conflict', doc('{name: fast, receiveIntervalUs: 100000}'))).toEqual([]);
    expect(findings('bfd-profile-conflict', doc('{name: slow, receiveIntervalUs: 300000}'))).toEqual([]);
  });
});
