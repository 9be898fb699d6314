/**
 * The one golden driver. Each folder under test/golden/ (at any depth) that
 * holds `input.*` files is a case; adding a case is adding a folder:
 *
 *   input.<format>.<ext>     one or more inputs; the middle token is the reader
 *                            (input.frr.conf, input.ir.yaml, input.gobgp-yaml.yaml,
 *                            input.1.metallb.yaml ...); several inputs form one document
 *   ir.json                  expected parsed IR (normalized: no origins, no sources)
 *   expected.<target>.<ext>  expected output per target; the file's existence is the test
 *   diagnostics.txt          every expected diagnostic, one per line:
 *                            <severity> <code> <file>:<line>:<col> [to=<target>] <message>
 *   case.json                optional: { "strict": true, "effective": true, ... } convert options;
 *                            { "peer": { "asn": ..., "address": ... }, "nodes": "name ip ..." } makes
 *                            the case a `bgpc peer` case: expected.<target> is the generated other side;
 *                            { "node": "NAME", "nodes"?: "...", "lbAddresses"?: [...] } makes it a
 *                            cluster → speaker case: expected.<target> is that node's daemon config
 *
 * For every expected.<target>: the emitted text must match; the real daemon
 * (vtysh / bird / gobgpd) must accept it; when bgpc can read the target,
 * emitting again from the expected file must give the same bytes (idempotency).
 * UPDATE_GOLDEN=1 rewrites ir.json, expected.* and diagnostics.txt.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emit, instantiateNode, normalize, parse, parseNodes, peer, sortDiagnostics, type Diagnostic, type Input } from '../src/index.js';
import { findFormat } from '../src/formats.js';
import { checkWith, daemonOrFail, type Daemon } from './support/daemons.js';

const root = join(import.meta.dirname, 'golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

interface Case {
  dir: string;
  name: string;
  inputs: string[];
  expected: { file: string; target: string }[];
}

function findCases(dir: string): Case[] {
  const entries = readdirSync(dir);
  const out: Case[] = [];
  const inputs = entries.filter((e) => e.startsWith('input.')).sort();
  if (inputs.length > 0) {
    out.push({
      dir,
      name: relative(root, dir),
      inputs,
      expected: entries.filter((e) => e.startsWith('expected.')).sort().map((file) => ({ file, target: file.split('.')[1]! })),
    });
  }
  for (const e of entries) if (statSync(join(dir, e)).isDirectory()) out.push(...findCases(join(dir, e)));
  return out;
}

/** input.frr.conf → frr; input.1.metallb.yaml → metallb (the token before the extension). */
function readerOf(file: string): string {
  const parts = file.split('.');
  return parts[parts.length - 2]!;
}

/** Which daemon validates a target's output, and with which config type. */
const validators: Record<string, { daemon: Daemon; type?: 'toml' | 'yaml' | 'json' }> = {
  frr: { daemon: 'vtysh' },
  bird: { daemon: 'bird' },
  gobgp: { daemon: 'gobgpd', type: 'toml' },
  'gobgp-yaml': { daemon: 'gobgpd', type: 'yaml' },
  'gobgp-json': { daemon: 'gobgpd', type: 'json' },
};

function diagLine(d: Diagnostic): string {
  const where = d.span ? `${d.span.file}:${d.span.start.line}:${d.span.start.column}` : '-';
  return `${d.severity} ${d.code} ${where}${d.target ? ` [to=${d.target}]` : ''} ${d.message}`;
}

function compareOrUpdate(path: string, actual: string): void {
  if (update) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${path} is missing (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const cases = existsSync(root) ? findCases(root) : [];

describe('golden cases', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    describe(c.name, () => {
      const options = existsSync(join(c.dir, 'case.json'))
        ? (JSON.parse(readFileSync(join(c.dir, 'case.json'), 'utf8')) as Record<string, unknown>)
        : {};
      // Diagnostics name inputs by their path relative to the case folder.
      const inputs: Input[] = c.inputs.map((f) => ({ name: f, text: readFileSync(join(c.dir, f), 'utf8'), format: readerOf(f) }));
      const parsed = parse(inputs);
      const all: Diagnostic[] = [...parsed.diagnostics];

      it('parses to the expected IR', () => {
        expect(parsed.status).toBe('ok');
        compareOrUpdate(join(c.dir, 'ir.json'), `${JSON.stringify(normalize(parsed.doc), null, 2)}\n`);
      });

      const peerOptions = options['peer'] as Record<string, unknown> | undefined;
      const nodes = typeof options['nodes'] === 'string' ? { name: 'nodes.txt', text: options['nodes'] } : undefined;
      for (const { file, target } of c.expected) {
        const out = peerOptions
          ? (() => {
              const r = peer(inputs, { ...peerOptions, to: target, ...(nodes ? { nodes } : {}) });
              return { text: r.output, diagnostics: r.diagnostics.filter((d) => !parsed.diagnostics.includes(d) && !d.code.startsWith('parse/')), status: r.ok ? ('ok' as const) : ('input-error' as const) };
            })()
          : typeof options['node'] === 'string'
            ? (() => {
                const extra = nodes ? parseNodes(nodes.name, nodes.text).nodes : [];
                const doc = { ...parsed.doc, nodes: [...parsed.doc.nodes, ...extra] };
                const lbAddresses = options['lbAddresses'] as string[] | undefined;
                const inst = instantiateNode(doc, { node: options['node'] as string, target, ...(lbAddresses ? { lbAddresses } : {}) });
                const r = emit(inst.doc, { to: target, ...options });
                return { text: r.text, diagnostics: [...inst.diagnostics, ...r.diagnostics], status: r.status };
              })()
            : emit(parsed.doc, { to: target, ...options });
        all.push(...out.diagnostics);

        it(`emits ${file}`, () => {
          expect(out.status, out.diagnostics.map(diagLine).join('\n')).toBe('ok');
          compareOrUpdate(join(c.dir, file), out.text ?? '');
        });

        const v = validators[target];
        if (v) {
          it.skipIf(!daemonOrFail(v.daemon))(`${file} is accepted by ${v.daemon}`, () => {
            const r = checkWith(v.daemon, readFileSync(join(c.dir, file), 'utf8'), v.type);
            expect(r.ok, r.output).toBe(true);
          });
        }

        if (findFormat(target)?.read && !peerOptions) {
          it(`${file} is a fixed point (read + write gives the same text)`, () => {
            const text = readFileSync(join(c.dir, file), 'utf8');
            const again = parse({ name: file, text, format: target });
            expect(again.status).toBe('ok');
            expect(emit(again.doc, { to: target, ...options }).text).toBe(text);
          });
        }
      }

      it('reports the expected diagnostics', () => {
        const lines = sortDiagnostics(all).map(diagLine);
        compareOrUpdate(join(c.dir, 'diagnostics.txt'), lines.length > 0 ? `${lines.join('\n')}\n` : '');
      });
    });
  }
});
