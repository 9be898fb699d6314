import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { renderJson, renderSarif, renderText, type Diagnostic } from '../../../src/index.js';
import { SourceFile } from '../../../src/source.js';

const require = createRequire(import.meta.url);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;

const file = new SourceFile('router.conf', 'router bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n neighbor 10.0.0.1 timers 1 2\n');
const diagnostics: Diagnostic[] = [
  {
    code: 'lint/hold-time-invalid',
    severity: 'error',
    message: 'peer 10.0.0.1: hold time 2 s is invalid',
    span: file.span(file.text.indexOf('timers'), file.text.indexOf('timers') + 10),
    related: [{ message: 'the session is configured here', span: file.span(18, 26) }],
    hint: 'use 0 or at least 3 seconds',
  },
  { code: 'parse/ignored', severity: 'info', message: 'log syslog has no BGP meaning' },
];

describe('text renderer', () => {
  it('prints location, severity, code, a code frame with a caret, related spans and the hint', () => {
    const out = renderText(diagnostics, { sources: new Map([['router.conf', file.text]]) });
    expect(out).toBe(
      [
        'info parse/ignored: log syslog has no BGP meaning',
        'router.conf:3:20: error lint/hold-time-invalid: peer 10.0.0.1: hold time 2 s is invalid',
        '3 |  neighbor 10.0.0.1 timers 1 2',
        '  |                    ^^^^^^^^^^',
        '  related: router.conf:2:2: the session is configured here',
        '  2 |  neighbor 10.0.0.1 remote-as 65001',
        '    |  ^^^^^^^^',
        '  hint: use 0 or at least 3 seconds',
        '1 error, 0 warnings, 1 info',
        '',
      ].join('\n'),
    );
  });

  it('uses colour only when asked', () => {
    expect(renderText(diagnostics)).not.toContain('\u001b[');
    expect(renderText(diagnostics, { color: true })).toContain('\u001b[31merror');
  });
});

describe('json renderer', () => {
  it('has the documented stable shape', () => {
    const out = JSON.parse(renderJson(diagnostics)) as { version: number; diagnostics: unknown[]; summary: unknown };
    expect(out.version).toBe(1);
    expect(out.summary).toEqual({ errors: 1, warnings: 0, infos: 1 });
    expect(out.diagnostics[1]).toEqual({
      code: 'lint/hold-time-invalid',
      severity: 'error',
      message: 'peer 10.0.0.1: hold time 2 s is invalid',
      span: { file: 'router.conf', start: { line: 3, column: 20 }, end: { line: 3, column: 30 } },
      related: [{ message: 'the session is configured here', span: { file: 'router.conf', start: { line: 2, column: 2 }, end: { line: 2, column: 10 } } }],
      hint: 'use 0 or at least 3 seconds',
    });
  });
});

describe('sarif renderer', () => {
  const ajv = new AjvDraft04.default({ strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(sarifSchema);

  it('validates against the SARIF 2.1.0 schema, with results and rules', () => {
    const log = JSON.parse(renderSarif(diagnostics, { toolVersion: '0.1.0' })) as {
      runs: { results: { ruleId: string; level: string; locations?: unknown[] }[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['parse/ignored', 'note'],
      ['lint/hold-time-invalid', 'error'],
    ]);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['lint/hold-time-invalid', 'parse/ignored']);
  });

  it('is valid when there are no results, and the schema check can fail', () => {
    const empty = JSON.parse(renderSarif([])) as { runs: { results: unknown[] }[] };
    expect(validate(empty)).toBe(true);
    expect(empty.runs[0]!.results).toEqual([]);
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });
});
