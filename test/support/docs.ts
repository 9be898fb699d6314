/** Generated documentation: docs/defaults.md from the defaults tables, docs/diagnostics.md's code table from the catalogue. */
import { codes } from '../../src/diagnostics/codes.js';
import { birdDefaults } from '../../src/ir/defaults/bird.js';
import { frrDefaults } from '../../src/ir/defaults/frr.js';
import { gobgpDefaults } from '../../src/ir/defaults/gobgp.js';
import { calicoDefaults, ciliumDefaults, metallbDefaults } from '../../src/ir/defaults/k8s.js';
import type { DefaultsTable, Sourced } from '../../src/ir/defaults/table.js';

const tables: DefaultsTable[] = [
  frrDefaults('traditional', '8.4'),
  frrDefaults('traditional', '10.5'),
  frrDefaults('datacenter', '10.5'),
  birdDefaults(2),
  birdDefaults(1),
  gobgpDefaults(),
  metallbDefaults(),
  ciliumDefaults(),
  calicoDefaults(),
];

const fmt = (v: unknown): string => (typeof v === 'object' ? JSON.stringify(v).replace(/"/g, '').replace(/,/g, ', ') : String(v));

export function renderDefaultsDoc(): string {
  const keys = [...new Set(tables.flatMap((t) => Object.keys(t)))].filter((k) => k !== 'name') as (keyof DefaultsTable)[];
  const lines = [
    '# Effective defaults per dialect',
    '',
    '<!-- Generated from src/ir/defaults/*.ts by test/support/docs.ts; `npm run golden:update` rewrites it. -->',
    '',
    'What each daemon (or Kubernetes wrapper) does when the config does not say. `resolve()` applies the',
    "source dialect's table; writers compare effective values with the target's table and write every",
    'value whose target default would change behaviour. Units: seconds; BFD in microseconds.',
    '',
    `| setting | ${tables.map((t) => t.name).join(' | ')} |`,
    `|---|${tables.map(() => '---').join('|')}|`,
  ];
  for (const k of keys) {
    lines.push(`| ${k} | ${tables.map((t) => { const v = t[k] as Sourced<unknown> | undefined; return v ? fmt(v.value) : '–'; }).join(' | ')} |`);
  }
  lines.push('', '## Sources', '');
  for (const t of tables) {
    lines.push(`### ${t.name}`, '');
    for (const k of keys) {
      const v = t[k] as Sourced<unknown> | undefined;
      if (v) lines.push(`- \`${k}\` = ${fmt(v.value)}: ${v.source}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function renderCodesTable(): string {
  const rows = Object.entries(codes).map(([code, info]) => `| \`${code}\` | ${info.severity} | ${info.loss ? 'yes' : 'no'} | ${info.description} |`);
  return ['| code | default severity | loss (fails --strict) | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
