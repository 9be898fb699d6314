/**
 * Deterministic generator of one synthetic router, written three times:
 * FRR (frr.conf), BIRD 2 (bird.conf) and GoBGP 3 (gobgp.toml).
 *
 * The output is a pure function of (neighbors, entries, lists): no clock and
 * no randomness, so every run of `npm run bench` parses the same bytes.
 *
 * The router (AS 65000, router id 10.255.255.1):
 * - groups: TRANSIT (eBGP IPv4, BFD, timers 10/30), PEER (eBGP IPv4, timers
 *   20/60), IBGP (iBGP IPv4 from the loopback, next-hop-self), PEER6 (eBGP
 *   IPv6), and DYN (AS 64999, IPv4, two listen ranges). Neighbor i belongs to
 *   group i % 4 of the four static ones.
 * - eBGP neighbors are in AS 64512 + i % 400 (never the router's own AS).
 * - eBGP neighbors are in AS 64512 + i % 400 (never the router's own AS).
 * - per neighbor: a description; a password when i % 3 == 0; eBGP multihop 2
 *   with a source address when i % 7 == 0 (eBGP only); timers 5/15 when
 *   i % 11 == 0.
 * - `entries` prefix-list entries over `lists` lists (list j is IPv6 when
 *   j % 4 == 3), mixing exact matches, `le` and `ge`+`le`; all entries permit,
 *   so FRR's ordered lists, BIRD's prefix sets and GoBGP's prefix sets mean
 *   the same.
 * - policies: each eBGP group imports only routes matching its lists (set
 *   local preference and add a community per list) and rejects the rest;
 *   exports only the originated space, adding a community (TRANSIT also
 *   prepends its AS twice). iBGP imports and exports everything.
 * - 4 + N/25 originated IPv4 networks (FRR `network` + blackhole static, BIRD
 *   static protocol; GoBGP's file cannot originate routes, see below).
 *
 * Where the dialects cannot say the same thing:
 * - GoBGP 3 has no BFD and no originated routes in its config file.
 * - GoBGP peer groups impose their peer AS, so eBGP groups are written per
 *   neighbor; per-neighbor policy applies only to route-server clients, so the
 *   group policies are global policies whose statements match a neighbor set.
 * - BIRD has one protocol per listen range and needs a source address for
 *   multihop and iBGP sessions (the other two get the same).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Scale {
  neighbors: number;
  entries: number;
  /** Number of generated prefix lists; default max(8, ceil(sqrt(entries) / 4)). */
  lists?: number;
}

interface Entry {
  prefix: string;
  len: number;
  ge?: number;
  le?: number;
}

interface List {
  name: string;
  v6: boolean;
  start: number;
  count: number;
  group: string;
  localPref: number;
  community: string;
}

interface Neighbor {
  i: number;
  group: 'TRANSIT' | 'PEER' | 'IBGP' | 'PEER6';
  address: string;
  asn: number;
  ebgp: boolean;
  v6: boolean;
  password?: string;
  multihop?: boolean;
  timers?: [number, number];
}

const AS = 65000;
const RID = '10.255.255.1';
const LO6 = '2001:db8:ffff::1';
const DYN_AS = 64999;
const DYN_RANGES = ['100.64.0.0/16', '100.65.0.0/16'];
const GROUP_ORDER = ['TRANSIT', 'PEER', 'IBGP', 'PEER6'] as const;
const GROUPS = {
  TRANSIT: { v6: false, ebgp: true, bfd: true, keepalive: 10, hold: 30 },
  PEER: { v6: false, ebgp: true, bfd: false, keepalive: 20, hold: 60 },
  IBGP: { v6: false, ebgp: false, bfd: false, keepalive: 30, hold: 90 },
  PEER6: { v6: true, ebgp: true, bfd: false, keepalive: 20, hold: 60 },
} as const;
const EBGP_GROUPS = ['TRANSIT', 'PEER', 'PEER6'] as const;
const ORIG4 = { prefix: '198.18.0.0/15', len: 15, le: 24 };

const hex = (n: number) => n.toString(16);
const ip4 = (n: number) => `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

function entry(v6: boolean, e: number): Entry {
  const t = e % 4;
  if (!v6) {
    const a = ip4(((11 << 24) + e * 1024) >>> 0);
    if (t === 0) return { prefix: `${a}/22`, len: 22 };
    if (t === 1) return { prefix: `${a}/22`, len: 22, le: 24 };
    if (t === 2) return { prefix: `${a}/22`, len: 22, ge: 23, le: 24 };
    return { prefix: `${a}/24`, len: 24 };
  }
  const a = `2a0c:${hex(e >>> 16)}:${hex(e & 0xffff)}::`;
  if (t === 0) return { prefix: `${a}/48`, len: 48 };
  if (t === 1) return { prefix: `${a}/48`, len: 48, le: 56 };
  if (t === 2) return { prefix: `${a}/48`, len: 48, ge: 52, le: 64 };
  return { prefix: `${a}/48`, len: 48, le: 64 };
}

const lo = (x: Entry) => x.ge ?? x.len;
const hi = (x: Entry, max: number) => x.le ?? (x.ge !== undefined ? max : x.len);
const ranged = (x: Entry) => x.ge !== undefined || x.le !== undefined;

export interface Model {
  neighbors: Neighbor[];
  lists: List[];
  networks: string[];
}

export function model(scale: Scale): Model {
  const n = scale.neighbors;
  const k = scale.lists ?? Math.max(8, Math.ceil(Math.sqrt(scale.entries) / 4));
  const neighbors: Neighbor[] = [];
  for (let i = 0; i < n; i++) {
    const group = GROUP_ORDER[i % 4]!;
    const g = GROUPS[group];
    const nb: Neighbor = {
      i,
      group,
      v6: g.v6,
      ebgp: g.ebgp,
      address: g.v6 ? `2001:db8:1::${hex(i + 1)}` : ip4(((172 << 24) + (16 << 16) + i + 1) >>> 0),
      asn: g.ebgp ? 64512 + (i % 400) : AS,
    };
    if (i % 3 === 0) nb.password = `pw${i}x`;
    if (g.ebgp && i % 7 === 0) nb.multihop = true;
    if (i % 11 === 0) nb.timers = [5, 15];
    neighbors.push(nb);
  }
  // Lists: IPv6 when j % 4 == 3; each list belongs to the eBGP group of its family, round robin.
  const lists: List[] = [];
  let start4 = 0;
  let start6 = 0;
  let own4 = 0;
  for (let j = 0; j < k; j++) {
    const v6 = j % 4 === 3;
    const count = Math.floor(scale.entries / k) + (j < scale.entries % k ? 1 : 0);
    const group = v6 ? 'PEER6' : (['TRANSIT', 'PEER'] as const)[own4++ % 2]!;
    lists.push({
      name: `PL_${String(j).padStart(4, '0')}`,
      v6,
      start: v6 ? start6 : start4,
      count,
      group,
      localPref: 100 + (j % 50),
      community: `${AS}:${1000 + j}`,
    });
    if (v6) start6 += count;
    else start4 += count;
  }
  const networks: string[] = [];
  for (let x = 0; x < 4 + Math.floor(n / 25); x++) networks.push(`198.${18 + (x >> 8)}.${x & 255}.0/24`);
  return { neighbors, lists, networks };
}

/** Appends lines to chunks, so a 100 MB file is never one growing string. */
class Out {
  private chunks: string[] = [];
  private cur: string[] = [];
  l(s: string): void {
    this.cur.push(s);
    if (this.cur.length >= 4096) this.flush();
  }
  private flush(): void {
    this.chunks.push(this.cur.join('\n') + '\n');
    this.cur = [];
  }
  text(): string {
    this.flush();
    return this.chunks.join('');
  }
}

const source = (i: number) => ip4(((10 << 24) + (254 << 16) + i + 1) >>> 0);
const groupOfList = (m: Model, g: string) => m.lists.filter((l) => l.group === g);

// ---------------------------------------------------------------- FRR

export function frr(m: Model): string {
  const o = new Out();
  o.l('! generated by bgpc bench/gen.ts');
  o.l('frr defaults traditional');
  o.l('hostname bench');
  o.l('!');
  for (const p of m.networks) o.l(`ip route ${p} blackhole`);
  o.l('!');
  o.l(`router bgp ${AS}`);
  o.l(` bgp router-id ${RID}`);
  o.l(' no bgp default ipv4-unicast');
  for (const name of GROUP_ORDER) {
    const g = GROUPS[name];
    o.l(` neighbor ${name} peer-group`);
    if (!g.ebgp) {
      o.l(` neighbor ${name} remote-as internal`);
      o.l(` neighbor ${name} update-source ${RID}`);
    }
    if (g.bfd) o.l(` neighbor ${name} bfd`);
    o.l(` neighbor ${name} timers ${g.keepalive} ${g.hold}`);
  }
  o.l(' neighbor DYN peer-group');
  o.l(` neighbor DYN remote-as ${DYN_AS}`);
  for (const r of DYN_RANGES) o.l(` bgp listen range ${r} peer-group DYN`);
  for (const nb of m.neighbors) {
    const a = nb.address;
    if (nb.ebgp) o.l(` neighbor ${a} remote-as ${nb.asn}`);
    o.l(` neighbor ${a} peer-group ${nb.group}`);
    o.l(` neighbor ${a} description n${nb.i}`);
    if (nb.password) o.l(` neighbor ${a} password ${nb.password}`);
    if (nb.multihop) {
      o.l(` neighbor ${a} ebgp-multihop 2`);
      o.l(` neighbor ${a} update-source ${nb.v6 ? LO6 : source(nb.i)}`);
    }
    if (nb.timers) o.l(` neighbor ${a} timers ${nb.timers[0]} ${nb.timers[1]}`);
  }
  for (const v6 of [false, true]) {
    o.l(` address-family ipv${v6 ? 6 : 4} unicast`);
    if (!v6) for (const p of m.networks) o.l(`  network ${p}`);
    for (const name of [...GROUP_ORDER, 'DYN']) {
      const g = name === 'DYN' ? { v6: false, ebgp: true } : GROUPS[name as keyof typeof GROUPS];
      if (g.v6 !== v6) continue;
      o.l(`  neighbor ${name} activate`);
      if (!g.ebgp) {
        o.l(`  neighbor ${name} next-hop-self`);
        continue;
      }
      const policy = name === 'DYN' ? 'PEER' : name;
      o.l(`  neighbor ${name} route-map RM_${policy}_IN in`);
      o.l(`  neighbor ${name} route-map RM_${policy}_OUT out`);
    }
    o.l(' exit-address-family');
  }
  o.l('exit');
  o.l('!');
  o.l(`ip prefix-list ORIG4 seq 5 permit ${ORIG4.prefix} le ${ORIG4.le}`);
  for (const L of m.lists) {
    const kw = L.v6 ? 'ipv6' : 'ip';
    for (let k = 0; k < L.count; k++) {
      const x = entry(L.v6, L.start + k);
      o.l(`${kw} prefix-list ${L.name} seq ${5 * (k + 1)} permit ${x.prefix}${x.ge !== undefined ? ` ge ${x.ge}` : ''}${x.le !== undefined ? ` le ${x.le}` : ''}`);
    }
  }
  o.l('!');
  for (const name of EBGP_GROUPS) {
    const v6 = GROUPS[name].v6;
    const match = `match ${v6 ? 'ipv6' : 'ip'} address prefix-list`;
    groupOfList(m, name).forEach((L, k) => {
      o.l(`route-map RM_${name}_IN permit ${10 * (k + 1)}`);
      o.l(` ${match} ${L.name}`);
      o.l(` set community ${L.community} additive`);
      o.l(` set local-preference ${L.localPref}`);
      o.l('exit');
    });
    o.l(`route-map RM_${name}_IN deny 65000`);
    o.l('exit');
    o.l(`route-map RM_${name}_OUT permit 10`);
    if (!v6) o.l(` ${match} ORIG4`);
    if (name === 'TRANSIT') o.l(` set as-path prepend ${AS} ${AS}`);
    o.l(` set community ${AS}:${name === 'TRANSIT' ? 100 : 200} additive`);
    o.l('exit');
    if (v6) {
      // No IPv6 space is originated: the IPv6 export permits nothing.
      o.l(`route-map RM_${name}_OUT deny 5`);
      o.l('exit');
    }
  }
  o.l('end');
  return o.text();
}

// ---------------------------------------------------------------- BIRD 2

export function bird(m: Model): string {
  const o = new Out();
  o.l('# generated by bgpc bench/gen.ts');
  o.l(`router id ${RID};`);
  o.l('protocol device {}');
  o.l('protocol bfd {}');
  o.l('protocol static orig4 {');
  o.l('  ipv4;');
  for (const p of m.networks) o.l(`  route ${p} blackhole;`);
  o.l('}');
  o.l(`define ORIG4 = [ ${ORIG4.prefix}{${ORIG4.len},${ORIG4.le}} ];`);
  for (const L of m.lists) {
    o.l(`define ${L.name} = [`);
    const max = L.v6 ? 128 : 32;
    for (let k = 0; k < L.count; k++) {
      const x = entry(L.v6, L.start + k);
      o.l(`  ${ranged(x) ? `${x.prefix}{${lo(x)},${hi(x, max)}}` : x.prefix}${k + 1 < L.count ? ',' : ''}`);
    }
    o.l('];');
  }
  for (const name of EBGP_GROUPS) {
    o.l(`filter ${name}_IN {`);
    for (const L of groupOfList(m, name)) {
      o.l(`  if net ~ ${L.name} then {`);
      o.l(`    bgp_community.add((${L.community.replace(':', ',')}));`);
      o.l(`    bgp_local_pref = ${L.localPref};`);
      o.l('    accept;');
      o.l('  }');
    }
    o.l('  reject;');
    o.l('}');
    o.l(`filter ${name}_OUT {`);
    if (!GROUPS[name].v6) {
      o.l('  if net ~ ORIG4 then {');
      if (name === 'TRANSIT') o.l(`    bgp_path.prepend(${AS}); bgp_path.prepend(${AS});`);
      o.l(`    bgp_community.add((${AS},${name === 'TRANSIT' ? 100 : 200}));`);
      o.l('    accept;');
      o.l('  }');
    }
    o.l('  reject;');
    o.l('}');
  }
  for (const name of GROUP_ORDER) {
    const g = GROUPS[name];
    o.l(`template bgp ${name} {`);
    o.l(`  local as ${AS};`);
    o.l(`  hold time ${g.hold};`);
    o.l(`  keepalive time ${g.keepalive};`);
    if (g.bfd) o.l('  bfd on;');
    if (!g.ebgp) {
      o.l(`  source address ${RID};`);
      o.l('  ipv4 { import all; export all; next hop self; };');
    } else {
      o.l(`  ${g.v6 ? 'ipv6' : 'ipv4'} { import filter ${name}_IN; export filter ${name}_OUT; };`);
    }
    o.l('}');
  }
  o.l('template bgp DYN {');
  o.l(`  local as ${AS};`);
  o.l('  ipv4 { import filter PEER_IN; export filter PEER_OUT; };');
  o.l('}');
  DYN_RANGES.forEach((r, k) => o.l(`protocol bgp dyn${k} from DYN { neighbor range ${r} as ${DYN_AS}; }`));
  for (const nb of m.neighbors) {
    o.l(`protocol bgp n${nb.i} from ${nb.group} {`);
    o.l(`  neighbor ${nb.address} as ${nb.asn};`);
    o.l(`  description "n${nb.i}";`);
    if (nb.password) o.l(`  password "${nb.password}";`);
    if (nb.multihop) {
      o.l('  multihop 2;');
      o.l(`  source address ${nb.v6 ? LO6 : source(nb.i)};`);
    }
    if (nb.timers) {
      o.l(`  hold time ${nb.timers[1]};`);
      o.l(`  keepalive time ${nb.timers[0]};`);
    }
    o.l('}');
  }
  return o.text();
}

// ---------------------------------------------------------------- GoBGP

export function gobgp(m: Model): string {
  const o = new Out();
  const q = (s: string) => JSON.stringify(s);
  o.l('# generated by bgpc bench/gen.ts');
  o.l('[global.config]');
  o.l(`  as = ${AS}`);
  o.l(`  router-id = ${q(RID)}`);
  o.l('[global.apply-policy.config]');
  o.l(`  import-policy-list = [${EBGP_GROUPS.map((g) => q(`${g}_IN`)).join(', ')}]`);
  o.l('  default-import-policy = "accept-route"');
  o.l(`  export-policy-list = [${EBGP_GROUPS.map((g) => q(`${g}_OUT`)).join(', ')}]`);
  o.l('  default-export-policy = "accept-route"');
  o.l('');
  for (const nb of m.neighbors) {
    const g = GROUPS[nb.group];
    o.l('[[neighbors]]');
    o.l('  [neighbors.config]');
    o.l(`    neighbor-address = ${q(nb.address)}`);
    o.l(`    peer-as = ${nb.asn}`);
    o.l(`    description = ${q(`n${nb.i}`)}`);
    if (nb.password) o.l(`    auth-password = ${q(nb.password)}`);
    const [keepalive, hold] = nb.timers ?? [g.keepalive, g.hold];
    o.l('  [neighbors.timers.config]');
    o.l(`    hold-time = ${hold}`);
    o.l(`    keepalive-interval = ${keepalive}`);
    const src = nb.multihop ? (nb.v6 ? LO6 : source(nb.i)) : !g.ebgp ? RID : undefined;
    if (src) {
      o.l('  [neighbors.transport.config]');
      o.l(`    local-address = ${q(src)}`);
    }
    if (nb.multihop) {
      o.l('  [neighbors.ebgp-multihop.config]');
      o.l('    enabled = true');
      o.l('    multihop-ttl = 2');
    }
    o.l('  [[neighbors.afi-safis]]');
    o.l('    [neighbors.afi-safis.config]');
    o.l(`      afi-safi-name = ${q(g.v6 ? 'ipv6-unicast' : 'ipv4-unicast')}`);
    o.l('');
  }
  o.l('[[peer-groups]]');
  o.l('  [peer-groups.config]');
  o.l('    peer-group-name = "DYN"');
  o.l(`    peer-as = ${DYN_AS}`);
  o.l('  [[peer-groups.afi-safis]]');
  o.l('    [peer-groups.afi-safis.config]');
  o.l('      afi-safi-name = "ipv4-unicast"');
  for (const r of DYN_RANGES) {
    o.l('[[dynamic-neighbors]]');
    o.l('  [dynamic-neighbors.config]');
    o.l(`    prefix = ${q(r)}`);
    o.l('    peer-group = "DYN"');
  }
  o.l('');
  // Neighbor sets: the members of each eBGP group (DYN's ranges go with PEER).
  for (const name of EBGP_GROUPS) {
    const members = m.neighbors.filter((nb) => nb.group === name).map((nb) => `${nb.address}/${nb.v6 ? 128 : 32}`);
    if (name === 'PEER') members.push(...DYN_RANGES);
    if (members.length === 0) members.push(name === 'PEER6' ? '2001:db8:ffff:ffff::/128' : '192.0.2.255/32');
    o.l('[[defined-sets.neighbor-sets]]');
    o.l(`  neighbor-set-name = ${q(`NS_${name}`)}`);
    o.l(`  neighbor-info-list = [${members.map(q).join(', ')}]`);
  }
  const prefixSet = (name: string, entries: Entry[], max: number) => {
    o.l('[[defined-sets.prefix-sets]]');
    o.l(`  prefix-set-name = ${q(name)}`);
    for (const x of entries) {
      o.l('  [[defined-sets.prefix-sets.prefix-list]]');
      o.l(`    ip-prefix = ${q(x.prefix)}`);
      o.l(`    masklength-range = ${q(`${lo(x)}..${hi(x, max)}`)}`);
    }
  };
  prefixSet('ORIG4', [ORIG4], 32);
  for (const L of m.lists) {
    const entries: Entry[] = [];
    for (let k = 0; k < L.count; k++) entries.push(entry(L.v6, L.start + k));
    prefixSet(L.name, entries, L.v6 ? 128 : 32);
  }
  o.l('');
  const statement = (name: string, conds: string[], actions: string[]) => {
    o.l('  [[policy-definitions.statements]]');
    o.l(`    name = ${q(name)}`);
    for (const c of conds) o.l(c);
    o.l('    [policy-definitions.statements.actions]');
    for (const a of actions) o.l(a);
  };
  const nset = (g: string) => ['    [policy-definitions.statements.conditions.match-neighbor-set]', `      neighbor-set = ${q(`NS_${g}`)}`];
  const pset = (p: string) => ['    [policy-definitions.statements.conditions.match-prefix-set]', `      prefix-set = ${q(p)}`];
  const community = (c: string) => [
    '      [policy-definitions.statements.actions.bgp-actions.set-community]',
    '        options = "add"',
    '        [policy-definitions.statements.actions.bgp-actions.set-community.set-community-method]',
    `          communities-list = [${q(c)}]`,
  ];
  for (const name of EBGP_GROUPS) {
    o.l('[[policy-definitions]]');
    o.l(`  name = ${q(`${name}_IN`)}`);
    for (const L of groupOfList(m, name)) {
      statement(`${name}_IN_${L.name}`, [...nset(name), ...pset(L.name)], [
        '      route-disposition = "accept-route"',
        '      [policy-definitions.statements.actions.bgp-actions]',
        `        set-local-pref = ${L.localPref}`,
        ...community(L.community),
      ]);
    }
    statement(`${name}_IN_REJECT`, nset(name), ['      route-disposition = "reject-route"']);
    o.l('[[policy-definitions]]');
    o.l(`  name = ${q(`${name}_OUT`)}`);
    if (!GROUPS[name].v6) {
      statement(`${name}_OUT_ORIG`, [...nset(name), ...pset('ORIG4')], [
        '      route-disposition = "accept-route"',
        ...(name === 'TRANSIT'
          ? ['      [policy-definitions.statements.actions.bgp-actions.set-as-path-prepend]', `        as = "${AS}"`, '        repeat-n = 2']
          : []),
        ...community(`${AS}:${name === 'TRANSIT' ? 100 : 200}`),
      ]);
    }
    statement(`${name}_OUT_REJECT`, nset(name), ['      route-disposition = "reject-route"']);
  }
  return o.text();
}

export interface Generated {
  dir: string;
  files: { frr: string; bird: string; gobgp: string };
}

/** Writes the three files of a scale into `dir`. */
export function generate(scale: Scale, dir: string): Generated {
  mkdirSync(dir, { recursive: true });
  const m = model(scale);
  const files = { frr: join(dir, 'frr.conf'), bird: join(dir, 'bird.conf'), gobgp: join(dir, 'gobgp.toml') };
  writeFileSync(files.frr, frr(m));
  writeFileSync(files.bird, bird(m));
  writeFileSync(files.gobgp, gobgp(m));
  return { dir, files };
}
