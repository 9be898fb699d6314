#!/usr/bin/env node
/**
 * The `bgpc` command: a thin layer over the library (src/index.ts).
 * Exit codes: 0 success (warnings allowed); 1 error diagnostics, or loss under
 * --strict, or --check found a difference; 2 usage error, unreadable or
 * undetectable input, unknown or unavailable format.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { stringify } from 'yaml';
import {
  convert,
  emit,
  formats,
  hasErrors,
  irJsonSchema,
  lint,
  parse,
  peer,
  renderJson,
  renderSarif,
  renderText,
  type Diagnostic,
  type Input,
  type LintSession,
  type Severity,
} from '../index.js';
import { isAcknowledged, parseLintConfig, type LintConfig } from '../lint/config.js';
import { rules } from '../lint/index.js';
import { unifiedDiff } from './diff.js';
import { findFormat } from '../formats.js';
import { parseIp } from '../ir/ip.js';
import { K8S_API_VERSIONS, K8S_NAMESPACED } from '../emit/k8s/api-versions.js';
import { dirname } from 'node:path';
import {
  findUpward,
  includeLoader,
  packageVersion,
  readInputBytes,
  readTextIfExists,
  samePath,
  stderr,
  stderrIsTty,
  stdout,
  OutputError,
  writeFileAtomic,
} from './io.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

const help: Record<string, string> = {
  main: `bgpc — BGP configuration compiler

Usage: bgpc <command> [options]

Commands:
  parse FILE...     read configs into the BGP intent IR and print it
  convert FILE...   translate configs to another format (--to TARGET)
  lint FILE...      check one config or a whole setup for mismatches
  peer FILE...      write the other end of every session the inputs describe (--to TARGET)
  schema            print the JSON Schema of the IR
  formats           list the formats and what bgpc can do with each

Options: --help (on every command), --version, --debug (stack traces)
Inputs: a path, or - for stdin. Several inputs form one document.
Exit codes: 0 ok, 1 errors (or loss under --strict), 2 usage or unreadable input.
`,
  parse: `Usage: bgpc parse FILE... [--from FORMAT] [--format json|yaml] [--effective]

Reads the inputs into one IR document and prints it on stdout.
  --from FORMAT         format of the inputs (default: detected from content)
  --format json|yaml    IR encoding (default json)
  --effective           apply the source dialects' defaults and inheritance
  --show-secrets        print passwords (they are shown as <redacted> by default)
  --diagnostics text|json|sarif   how diagnostics are printed on stderr (default text)
  --max-input-bytes N   refuse larger inputs (default 268435456)
  --allow-include DIR   allow included files (BIRD include) from DIR too (repeatable)
`,
  convert: `Usage: bgpc convert FILE... --to TARGET [--from FORMAT] [-o PATH [--check]] [--strict]

Translates the inputs to TARGET and prints the result (or writes PATH).
  --to TARGET           target format (see bgpc formats)
  --from FORMAT         format of the inputs (default: detected from content)
  -o, --output PATH     write PATH through a temporary file and a rename
  --check               with -o: write nothing; exit 1 with a diff when PATH differs
  --strict              any loss (a construct dropped or changed) fails the conversion
  --format json|yaml    encoding when TARGET is ir (default json; yaml for a .yaml/.yml PATH)
  --effective           when TARGET is ir: print effective values
  --diagnostics text|json|sarif   how diagnostics are printed on stderr (default text)
  --max-input-bytes N   refuse larger inputs
  --api-version V       Kubernetes targets: the apiVersion to write (default the newest bgpc writes)
  --namespace NS        Kubernetes targets with namespaced objects (metallb, frr-k8s, purelb)
Cluster resources to a daemon format (frr, bird, gobgp; or ir with --node): the config one node's speaker runs.
  --node NAME           the node (needed when the resources select nodes or the inputs list several)
  --nodes FILE          Kubernetes nodes: a Node list YAML, or lines "name ip [key=value ...]"
  --lb-address ADDR     a load-balancer address a Service has, announced as the project does (repeatable)
`,
  lint: `Usage: bgpc lint FILE... [--format text|json|sarif] [--rule ID=off|info|warning|error]...
                 [--nodes FILE] [--sessions] [--config FILE]

Checks the inputs: one config, or a whole setup (router configs plus cluster resources).
Every configured neighbor is paired with the speaker at its address (listen ranges
included) and each pair is checked. Rules: docs/rules/.
  --format text|json|sarif   output on stdout (default text; json includes the sessions)
  --rule ID=LEVEL       change a rule's severity or turn it off (repeatable)
  --nodes FILE          Kubernetes nodes: a Node list YAML, or lines "name ip [key=value ...]"
  --sessions            print every session and its status (text format)
  --config FILE         lint configuration (default: .bgpcrc.json or .bgpcrc.yaml, found upward)
  --from FORMAT         format of the inputs (default: detected from content)
Exit 1 when an error is found (acknowledged findings in the configuration do not count).
`,
  peer: `Usage: bgpc peer FILE... --to TARGET [--asn N] [--router-id ID] [--address ADDR]
                 [--peer-address ADDR] [--no-listen-range] [--nodes FILE] [-o PATH] [--strict]

Writes the other end of every session the inputs describe: the router for a cluster's
resources (a peer group, a listen range covering the nodes, an import policy for the
advertised pools, BFD/password/multihop/timers mirrored), the cluster resources for a
router config, or the daemon on the other side of a daemon's sessions. The generated
side is linted with the inputs; errors are reported instead of written.
  --to TARGET           frr, bird, gobgp, gobgp-yaml, gobgp-json, metallb, frr-k8s, cilium, calico, purelb
  --asn N, --router-id ID, --address ADDR
                        identity of the generated side where the inputs do not say
                        (--address also chooses the end when the inputs peer with several)
  --peer-address ADDR   address of the input side where the inputs do not say
  --no-listen-range     one neighbor per node instead of a listen range
  --nodes FILE          Kubernetes nodes: a Node list YAML, or lines "name ip [key=value ...]"
  -o, --output PATH     write PATH through a temporary file and a rename
  --strict              fail when the target cannot express something
`,
  schema: `Usage: bgpc schema

Prints the JSON Schema (draft 2020-12) of the IR, generated from its zod schemas.
`,
  formats: `Usage: bgpc formats [--format text|json]

Lists every format bgpc knows, and whether it reads and writes it today.
`,
};

type Values = Record<string, string | boolean | string[] | undefined>;

const common = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
  from: { type: 'string' },
  'max-input-bytes': { type: 'string' },
  diagnostics: { type: 'string' },
  'allow-include': { type: 'string', multiple: true },
  'show-secrets': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

function args(argv: string[], options: ParseArgsConfig['options']): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { ...common, ...options }, allowPositionals: true, strict: true });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

function choice(values: Values, key: string, allowed: readonly string[], fallback: string): string {
  const v = values[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !allowed.includes(v)) throw new UsageError(`--${key} must be one of: ${allowed.join(', ')}`);
  return v;
}

/** Read options every command shares: format, size limit, include loader. */
function readOptions(values: Values, paths: string[]) {
  const dirs = [...paths.filter((p) => p !== '-').map((p) => dirname(p)), ...((values['allow-include'] as string[] | undefined) ?? [])];
  if (paths.includes('-')) dirs.push(process.cwd());
  const max = maxBytes(values);
  return {
    from: values['from'] as string | undefined,
    maxInputBytes: max,
    loadInclude: includeLoader(dirs, max),
    showSecrets: Boolean(values['show-secrets']),
  };
}

function maxBytes(values: Values): number | undefined {
  const v = values['max-input-bytes'];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError('--max-input-bytes must be a positive integer');
  return n;
}

interface Loaded {
  inputs: Input[];
  sources: Map<string, string>;
  failures: Diagnostic[];
}

function loadInputs(paths: string[]): Loaded {
  if (paths.length === 0) throw new UsageError('no input files (use - for stdin)');
  const inputs: Input[] = [];
  const sources = new Map<string, string>();
  const failures: Diagnostic[] = [];
  for (const p of paths) {
    const name = p === '-' ? '<stdin>' : p;
    const r = readInputBytes(p);
    if (!r.ok) {
      failures.push({ code: 'input/unreadable', severity: 'error', message: r.error });
      continue;
    }
    inputs.push({ name, text: r.data });
    sources.set(name, Buffer.from(r.data).toString('utf8'));
  }
  return { inputs, sources, failures };
}

/** `--nodes FILE`: read like an input (an unreadable file is an input failure). */
function loadNodes(values: Values, loaded: Loaded): Input | undefined {
  const path = values['nodes'];
  if (typeof path !== 'string') return undefined;
  const r = readInputBytes(path);
  if (r.ok) return { name: path, text: r.data };
  loaded.failures.push({ code: 'input/unreadable', severity: 'error', message: r.error });
  return undefined;
}

function printDiagnostics(ds: readonly Diagnostic[], format: string, sources: Map<string, string>, inputError = false, redact: readonly string[] = []): void {
  if (ds.length === 0 && format === 'text') return;
  if (format === 'json') stderr(renderJson(ds));
  else if (format === 'sarif') stderr(renderSarif(ds, { toolVersion: packageVersion() }));
  else stderr(renderText(ds, { sources, color: stderrIsTty(), summary: !inputError, redact }));
}

function cmdParse(argv: string[]): number {
  const { values, positionals } = args(argv, { format: { type: 'string' }, effective: { type: 'boolean' } });
  if (values['help']) return printHelp('parse');
  const encoding = choice(values, 'format', ['json', 'yaml'], 'json') as 'json' | 'yaml';
  const diagFormat = choice(values, 'diagnostics', ['text', 'json', 'sarif'], 'text');
  const loaded = loadInputs(positionals);
  if (loaded.failures.length > 0) {
    printDiagnostics(loaded.failures, diagFormat, loaded.sources, true);
    return EXIT_USAGE;
  }
  const r = parse(loaded.inputs, readOptions(values, positionals));
  if (r.status !== 'ok') {
    printDiagnostics(r.diagnostics, diagFormat, loaded.sources, true);
    return EXIT_USAGE;
  }
  const out = emit(r.doc, { to: 'ir', encoding, effective: Boolean(values['effective']), redactSecrets: !values['show-secrets'] });
  const all = [...r.diagnostics, ...out.diagnostics];
  printDiagnostics(all, diagFormat, loaded.sources, false, r.redact);
  if (hasErrors(all)) return EXIT_FINDINGS;
  stdout(out.text ?? '');
  return EXIT_OK;
}

function cmdConvert(argv: string[]): number {
  const { values, positionals } = args(argv, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    check: { type: 'boolean' },
    strict: { type: 'boolean' },
    format: { type: 'string' },
    effective: { type: 'boolean' },
    'api-version': { type: 'string' },
    namespace: { type: 'string' },
    node: { type: 'string' },
    nodes: { type: 'string' },
    'lb-address': { type: 'string', multiple: true },
  });
  if (values['help']) return printHelp('convert');
  const to = values['to'];
  if (typeof to !== 'string') throw new UsageError('convert needs --to TARGET (see bgpc formats)');
  const output = values['output'] as string | undefined;
  if (values['check'] && !output) throw new UsageError('--check needs -o PATH');
  const diagFormat = choice(values, 'diagnostics', ['text', 'json', 'sarif'], 'text');
  const encoding = choice(values, 'format', ['json', 'yaml'], output && /\.ya?ml$/i.test(output) ? 'yaml' : 'json') as 'json' | 'yaml';
  if (output && positionals.some((p) => p !== '-' && samePath(p, output))) {
    printDiagnostics([{ code: 'output/refused', severity: 'error', message: `${output}: refusing to overwrite an input file` }], diagFormat, new Map(), true);
    return EXIT_USAGE;
  }
  const k8s = k8sWriteOptions(values, to);
  const lbAddresses = (values['lb-address'] as string[] | undefined) ?? [];
  const badLb = lbAddresses.find((a) => !parseIp(a));
  if (badLb) throw new UsageError(`--lb-address ${badLb}: not an IP address`);
  const loaded = loadInputs(positionals);
  const nodes = loadNodes(values, loaded);
  if (loaded.failures.length > 0) {
    printDiagnostics(loaded.failures, diagFormat, loaded.sources, true);
    return EXIT_USAGE;
  }
  const r = convert(loaded.inputs, {
    ...readOptions(values, positionals),
    to,
    strict: Boolean(values['strict']),
    encoding,
    effective: Boolean(values['effective']),
    ...k8s,
    ...(typeof values['node'] === 'string' ? { node: values['node'] } : {}),
    ...(nodes ? { nodes } : {}),
    ...(lbAddresses.length > 0 ? { lbAddresses } : {}),
  });
  if (r.status !== 'ok') {
    printDiagnostics(r.diagnostics, diagFormat, loaded.sources, true);
    return EXIT_USAGE;
  }
  printDiagnostics(r.diagnostics, diagFormat, loaded.sources, false, r.redact);
  if (!r.ok || r.output === undefined) {
    if (values['strict'] && !hasErrors(r.diagnostics)) stderr('bgpc: --strict: the conversion loses information; nothing written\n');
    return EXIT_FINDINGS;
  }
  if (!output) {
    stdout(r.output);
    return EXIT_OK;
  }
  if (values['check']) {
    const current = readTextIfExists(output);
    if (current === r.output) return EXIT_OK;
    stdout(unifiedDiff(current ?? '', r.output, current === undefined ? '/dev/null' : output, `${output} (bgpc)`));
    stderr(`bgpc: ${output} ${current === undefined ? 'does not exist' : 'differs from what bgpc would write'}\n`);
    return EXIT_FINDINGS;
  }
  writeFileAtomic(output, r.output);
  return EXIT_OK;
}

/** `--api-version` and `--namespace`: only for Kubernetes targets, checked against what the writer serves. */
function k8sWriteOptions(values: Values, to: string): { apiVersion?: string; namespace?: string } {
  const target = findFormat(to)?.id ?? to;
  const out: { apiVersion?: string; namespace?: string } = {};
  const api = values['api-version'];
  if (typeof api === 'string') {
    const served = K8S_API_VERSIONS[target];
    if (!served) throw new UsageError(`--api-version is for Kubernetes targets (${Object.keys(K8S_API_VERSIONS).join(', ')}), not ${to}`);
    if (!served.includes(api)) throw new UsageError(`--api-version ${api}: ${target} is written as ${served.join(' or ')} (default ${served[0]})`);
    out.apiVersion = api;
  }
  const ns = values['namespace'];
  if (typeof ns === 'string') {
    if (!K8S_NAMESPACED.has(target)) throw new UsageError(`--namespace is for Kubernetes targets with namespaced objects (${[...K8S_NAMESPACED].join(', ')}), not ${to}`);
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(ns)) throw new UsageError(`--namespace ${ns}: not a Kubernetes namespace name`);
    out.namespace = ns;
  }
  return out;
}

function cmdLint(argv: string[]): number {
  const { values, positionals } = args(argv, {
    format: { type: 'string' },
    rule: { type: 'string', multiple: true },
    nodes: { type: 'string' },
    sessions: { type: 'boolean' },
    config: { type: 'string' },
  });
  if (values['help']) return printHelp('lint');
  const format = choice(values, 'format', ['text', 'json', 'sarif'], 'text');
  const configPath = (values['config'] as string | undefined) ?? findUpward(['.bgpcrc.json', '.bgpcrc.yaml', '.bgpcrc.yml']);
  let config: LintConfig | undefined;
  if (configPath) {
    const text = readTextIfExists(configPath);
    if (text === undefined) throw new UsageError(`${configPath}: cannot read the lint configuration`);
    const parsed = parseLintConfig(text);
    if (!parsed.config) throw new UsageError(`${configPath}: ${parsed.error}`);
    config = parsed.config;
  }
  const ruleSettings: Record<string, Severity | 'off'> = { ...(config?.rules ?? {}) };
  for (const r of (values['rule'] as string[] | undefined) ?? []) {
    const m = /^(?:lint\/)?([a-z0-9-]+)=(off|info|warning|error)$/.exec(r);
    if (!m) throw new UsageError(`--rule ${r}: expected ID=off|info|warning|error`);
    ruleSettings[m[1]!] = m[2] as Severity | 'off';
  }
  const unknown = Object.keys(ruleSettings).filter((id) => !rules.some((r) => r.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown lint rule(s): ${unknown.join(', ')}`);
  const loaded = loadInputs(positionals);
  const nodes = loadNodes(values, loaded);
  if (loaded.failures.length > 0) {
    printDiagnostics(loaded.failures, 'text', loaded.sources, true);
    return EXIT_USAGE;
  }
  const r = lint(loaded.inputs, { ...readOptions(values, positionals), rules: ruleSettings, ...(nodes ? { nodes } : {}) });
  if (r.status !== 'ok') {
    printDiagnostics(r.diagnostics, 'text', loaded.sources, true);
    return EXIT_USAGE;
  }
  const shown = r.diagnostics.filter((d) => !isAcknowledged(d, config));
  const acknowledged = r.diagnostics.length - shown.length;
  if (format === 'json') stdout(renderJson(shown, { sessions: r.sessions, acknowledged }));
  else if (format === 'sarif') stdout(renderSarif(shown, { toolVersion: packageVersion() }));
  else {
    if (values['sessions']) stdout(sessionTable(r.sessions));
    stdout(renderText(shown, { sources: loaded.sources, color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'], redact: r.redact }) || 'no problems found\n');
    if (acknowledged > 0) stdout(`(${acknowledged} acknowledged finding${acknowledged === 1 ? '' : 's'} not shown, see ${configPath})\n`);
  }
  return hasErrors(shown) ? EXIT_FINDINGS : EXIT_OK;
}

function sessionTable(sessions: LintSession[]): string {
  if (sessions.length === 0) return 'no sessions configured\n';
  const rows = sessions.map((s) => [s.from, s.neighbor, s.to ?? '-', s.status + (s.inferred ? ' (inferred)' : '')]);
  const head = ['SPEAKER', 'NEIGHBOR', 'REMOTE', 'STATUS'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n\n`;
}

function cmdPeer(argv: string[]): number {
  const { values, positionals } = args(argv, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    strict: { type: 'boolean' },
    asn: { type: 'string' },
    'router-id': { type: 'string' },
    address: { type: 'string' },
    'peer-address': { type: 'string' },
    'no-listen-range': { type: 'boolean' },
    nodes: { type: 'string' },
    format: { type: 'string' },
  });
  if (values['help']) return printHelp('peer');
  const to = values['to'];
  if (typeof to !== 'string') throw new UsageError('peer needs --to TARGET (see bgpc formats)');
  const diagFormat = choice(values, 'diagnostics', ['text', 'json', 'sarif'], 'text');
  let asn: number | undefined;
  if (values['asn'] !== undefined) {
    asn = Number(values['asn']);
    if (!Number.isInteger(asn) || asn < 1 || asn > 4294967295) throw new UsageError('--asn must be an AS number (1-4294967295)');
  }
  const output = values['output'] as string | undefined;
  if (output && positionals.some((p) => p !== '-' && samePath(p, output))) {
    printDiagnostics([{ code: 'output/refused', severity: 'error', message: `${output}: refusing to overwrite an input file` }], diagFormat, new Map(), true);
    return EXIT_USAGE;
  }
  const loaded = loadInputs(positionals);
  const nodes = loadNodes(values, loaded);
  if (loaded.failures.length > 0) {
    printDiagnostics(loaded.failures, diagFormat, loaded.sources, true);
    return EXIT_USAGE;
  }
  const r = peer(loaded.inputs, {
    ...readOptions(values, positionals),
    to,
    strict: Boolean(values['strict']),
    encoding: choice(values, 'format', ['json', 'yaml'], output && /\.ya?ml$/i.test(output) ? 'yaml' : 'json') as 'json' | 'yaml',
    ...(asn !== undefined ? { asn } : {}),
    ...(typeof values['router-id'] === 'string' ? { routerId: values['router-id'] } : {}),
    ...(typeof values['address'] === 'string' ? { address: values['address'] } : {}),
    ...(typeof values['peer-address'] === 'string' ? { peerAddress: values['peer-address'] } : {}),
    ...(values['no-listen-range'] ? { noListenRange: true } : {}),
    ...(nodes ? { nodes } : {}),
  });
  if (r.status !== 'ok') {
    printDiagnostics(r.diagnostics, diagFormat, loaded.sources, true);
    return EXIT_USAGE;
  }
  printDiagnostics(r.diagnostics, diagFormat, loaded.sources, false, r.redact);
  if (!r.ok || r.output === undefined) return EXIT_FINDINGS;
  if (output) writeFileAtomic(output, r.output);
  else stdout(r.output);
  return EXIT_OK;
}

function cmdSchema(argv: string[]): number {
  const { values, positionals } = args(argv, {});
  if (values['help']) return printHelp('schema');
  if (positionals.length > 0) throw new UsageError('schema takes no arguments');
  stdout(`${JSON.stringify(irJsonSchema(), null, 2)}\n`);
  return EXIT_OK;
}

function cmdFormats(argv: string[]): number {
  const { values } = args(argv, { format: { type: 'string' } });
  if (values['help']) return printHelp('formats');
  const format = choice(values, 'format', ['text', 'json', 'yaml'], 'text');
  const list = formats();
  if (format === 'json') stdout(`${JSON.stringify(list, null, 2)}\n`);
  else if (format === 'yaml') stdout(stringify(list));
  else {
    const rows = list.map((f) => {
      const can = [f.read ? 'read' : '', f.write ? 'write' : ''].filter(Boolean).join('+') || `planned: ${f.plannedIn ?? ''}`;
      return `${f.id.padEnd(11)} ${can.padEnd(30)} ${f.description}`;
    });
    stdout(`${'FORMAT'.padEnd(11)} ${'SUPPORT'.padEnd(30)} DESCRIPTION\n${rows.join('\n')}\n`);
  }
  return EXIT_OK;
}

function printHelp(topic: string): number {
  stdout(help[topic] ?? help['main']!);
  return EXIT_OK;
}

const commands: Record<string, (argv: string[]) => number> = {
  parse: cmdParse,
  convert: cmdConvert,
  lint: cmdLint,
  peer: cmdPeer,
  schema: cmdSchema,
  formats: cmdFormats,
};

export function main(argv: string[]): number {
  const debug = argv.includes('--debug');
  try {
    const [cmd, ...rest] = argv;
    if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return printHelp(rest[0] ?? 'main');
    if (cmd === '--version' || cmd === '-V') {
      stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    const run = commands[cmd];
    if (!run) throw new UsageError(`unknown command "${cmd}" (commands: ${Object.keys(commands).join(', ')})`);
    return run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`bgpc: ${e.message}\nRun 'bgpc --help' for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof OutputError) {
      stderr(`bgpc: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (debug) stderr(`${(e as Error).stack ?? String(e)}\n`);
    else stderr(`bgpc: internal error: ${(e as Error).message} (a bug in bgpc; rerun with --debug for details)\n`);
    return EXIT_FINDINGS;
  }
}

process.exitCode = main(process.argv.slice(2));
