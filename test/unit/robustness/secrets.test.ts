import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, lint, parse, renderText } from '../../../src/index.js';
import { maskText } from '../../../src/ir/secrets.js';

const secret = 'Tr0ub4dor&3';
const doc = `irVersion: "1"
speakers:
  - id: r
    kind: daemon
    asn: 65000
    peers:
      - id: a
        address: 10.0.0.2
        password: {kind: literal, value: "${secret}"}
        timers: {holdTime: 2}
    raw:
      - {dialect: frr, text: " neighbor 10.0.0.2 password ${secret}"}
`;

const root = join(import.meta.dirname, '../../..');

describe('secrets', () => {
  it('maskText replaces the secret as a token only', () => {
    expect(maskText(`password ${secret}`, [secret])).toBe('password <redacted>');
    expect(maskText('password "a"', ['a'])).toBe('password "<redacted>"');
    expect(maskText('a banana', ['a'])).toBe('<redacted> banana');
  });

  it('bgpc parse redacts passwords and raw text unless --show-secrets', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'parse', '-', ...args], { input: doc, encoding: 'utf8' });
    const hidden = run([]);
    expect(hidden.stdout).not.toContain(secret);
    expect(hidden.stdout).toContain('<redacted>');
    expect(run(['--show-secrets']).stdout).toContain(secret);
  });

  it('lint output and code frames never show the password', () => {
    const r = lint({ name: 'r.yaml', text: doc, format: 'ir' });
    const text = renderText(r.diagnostics, { sources: new Map([['r.yaml', doc]]), redact: r.redact });
    expect(text).toContain('hold-time-invalid');
    expect(text).not.toContain(secret);
    const cli = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'lint', '-'], { input: doc, encoding: 'utf8' });
    expect(cli.stdout).toContain('lint/');
    expect(cli.stdout + cli.stderr).not.toContain(secret);
  });

  it('converted configs keep the password (the target needs it)', () => {
    expect(convert({ name: 'r.yaml', text: doc, format: 'ir' }, { to: 'ir' }).output).toContain(secret);
    expect(parse({ name: 'r.yaml', text: doc, format: 'ir' }).redact).toEqual([secret]);
  });
});
