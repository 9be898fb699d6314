import { describe, expect, it } from 'vitest';
import { findings, pair, where } from './harness.js';

describe('lint/peer-not-configured', () => {
  it('flags a session the remote speaker does not configure', () => {
    expect(where('peer-not-configured', pair({ router: { peers: [] } }))).toEqual(['- id: 10.0.0.1']);
  });

  it('accepts a session configured on both ends', () => {
    expect(findings('peer-not-configured', pair({}))).toEqual([]);
  });
});
