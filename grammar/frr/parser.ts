/**
 * The FRR grammar: one chevrotain parser, created once and reused for every
 * line. FRR is line-oriented and vtysh reads a config file one line at a
 * time in a current "node" (config, router bgp, address-family, route-map,
 * bfd, bfd profile), so there is one entry rule per node; the reader calls
 * the rule of the current node and, when the line does not parse there, the
 * rules of the enclosing nodes, exactly as vtysh does.
 *
 * Rules are written from FRR's own command strings (bgpd/bgp_vty.c,
 * bgpd/bgp_bfd.c, bgpd/bgp_route.c, bgpd/bgp_routemap.c, bgpd/bgp_filter.c,
 * bgpd/bgp_clist.c, lib/plist.c, lib/routemap_cli.c, bfdd/bfdd_cli.c of FRR
 * 8.4). Positions where FRR takes a value (numbers, addresses, names, and
 * small keyword choices such as `internal|external`) consume a `Word`; the
 * builder checks the value. Each rule returns a `Cmd`: a command kind and
 * the tokens of its parts, with no BGP meaning attached yet.
 */
import { EarlyExitException, EmbeddedActionsParser, NoViableAltException, type IToken } from 'chevrotain';
import { LazyLookahead } from '../common/lazy-lookahead.js';
import { allTokens, K, Word } from './tokens.js';

/** One parsed command line: its kind and the tokens of its parts. */
export interface Cmd {
  k: string;
  a: Record<string, IToken | undefined>;
  /** A trailing list of words (communities, description text, regex...). */
  rest?: IToken[];
}

/** Adds parts to a sub-rule's command (sub-rules return nothing while chevrotain records the grammar). */
const extend = (c: Cmd | undefined, a: Cmd['a'], k?: string): Cmd =>
  c?.a ? { ...c, k: k ?? c.k, a: { ...c.a, ...a } } : { k: k ?? '', a };

const cmd = (k: string, a: Record<string, IToken | undefined> = {}, rest?: IToken[]): Cmd => (rest ? { k, a, rest } : { k, a });

export type NodeRule = 'configLine' | 'routerBgpLine' | 'addressFamilyLine' | 'routeMapLine' | 'bfdLine' | 'bfdProfileLine';

export class FrrParser extends EmbeddedActionsParser {
  /**
   * Chevrotain's grammar validations (ambiguity, left recursion...) take most
   * of the construction time; they prove properties of the grammar, not of
   * the input, so production skips them and test/unit/frr/grammar-valid.test.ts
   * builds the parser with them on.
   */
  static skipValidations = true;

  constructor() {
    super(allTokens, {
      recoveryEnabled: false,
      maxLookahead: 2,
      skipValidations: FrrParser.skipValidations,
      ...(FrrParser.skipValidations ? { lookaheadStrategy: new LazyLookahead({ maxLookahead: 2 }) } : {}),
    });
    this.performSelfAnalysis();
  }

  /** The rest of the line as a list of words. */
  private words = this.RULE('words', (): IToken[] => {
    const out: IToken[] = [];
    this.AT_LEAST_ONE(() => out.push(this.CONSUME(Word)));
    return out;
  });

  // ------------------------------------------------------------ config node

  configLine = this.RULE('configLine', (): Cmd => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.frrHeader) },
      { ALT: () => this.SUBRULE(this.hostname) },
      { ALT: () => this.SUBRULE(this.routerBgp) },
      { ALT: () => this.SUBRULE(this.prefixList) },
      { ALT: () => this.SUBRULE(this.bgpLists) },
      { ALT: () => this.SUBRULE(this.routeMap) },
      { ALT: () => this.SUBRULE(this.bfd) },
    ]);
  });

  private frrHeader = this.RULE('frrHeader', (): Cmd => {
    this.CONSUME(K('frr'));
    return this.OR([
      { ALT: () => cmd('frr-version', { v: (this.CONSUME(K('version')), this.CONSUME(Word)) }) },
      { ALT: () => cmd('frr-defaults', { v: (this.CONSUME(K('defaults')), this.CONSUME2(Word)) }) },
    ]);
  });

  private hostname = this.RULE('hostname', (): Cmd => {
    this.CONSUME(K('hostname'));
    return cmd('hostname', { v: this.CONSUME(Word) });
  });

  /** `router bgp [(1-4294967295) [<view|vrf> VIEWVRFNAME]]` */
  private routerBgp = this.RULE('routerBgp', (): Cmd => {
    this.CONSUME(K('router'));
    this.CONSUME(K('bgp'));
    const a: Cmd['a'] = {};
    this.OPTION(() => {
      a['asn'] = this.CONSUME(Word);
      this.OPTION2(() => {
        a['kind'] = this.OR([{ ALT: () => this.CONSUME(K('vrf')) }, { ALT: () => this.CONSUME(K('view')) }]);
        a['name'] = this.CONSUME2(Word);
      });
    });
    return cmd('router-bgp', a);
  });

  /**
   * `ip prefix-list WORD [seq (1-4294967295)] <deny|permit> <any|A.B.C.D/M [{ge (0-32)|le (0-32)}]>`,
   * the ipv6 form, and `... description LINE...`.
   */
  private prefixList = this.RULE('prefixList', (): Cmd => {
    const a: Cmd['a'] = {};
    a['afi'] = this.OR([{ ALT: () => this.CONSUME(K('ip')) }, { ALT: () => this.CONSUME(K('ipv6')) }]);
    this.CONSUME(K('prefix-list'));
    a['name'] = this.CONSUME(Word);
    return this.OR2([
      {
        ALT: () => {
          this.CONSUME(K('description'));
          return cmd('prefix-list-description', a, this.SUBRULE(this.words));
        },
      },
      {
        ALT: () => {
          this.OPTION(() => {
            this.CONSUME(K('seq'));
            a['seq'] = this.CONSUME2(Word);
          });
          a['action'] = this.OR3([{ ALT: () => this.CONSUME(K('permit')) }, { ALT: () => this.CONSUME(K('deny')) }]);
          this.OR4([
            { ALT: () => (a['any'] = this.CONSUME(K('any'))) },
            {
              ALT: () => {
                a['prefix'] = this.CONSUME3(Word);
                this.MANY(() =>
                  this.OR5([
                    { ALT: () => (a['ge'] = (this.CONSUME(K('ge')), this.CONSUME4(Word))) },
                    { ALT: () => (a['le'] = (this.CONSUME(K('le')), this.CONSUME5(Word))) },
                  ]),
                );
              },
              IGNORE_AMBIGUITIES: true,
            },
          ]);
          return cmd('prefix-list', a);
        },
      },
    ]);
  });

  /**
   * `bgp community-list <(1-99)|(100-500)|standard NAME|expanded NAME> [seq N] <deny|permit> ...`,
   * the same for large-community-list and extcommunity-list, and
   * `bgp as-path access-list NAME [seq N] <deny|permit> LINE...`.
   */
  private bgpLists = this.RULE('bgpLists', (): Cmd => {
    this.CONSUME(K('bgp'));
    const a: Cmd['a'] = {};
    return this.OR([
      {
        ALT: () => {
          a['list'] = this.OR2([
            { ALT: () => this.CONSUME(K('community-list')) },
            { ALT: () => this.CONSUME(K('large-community-list')) },
            { ALT: () => this.CONSUME(K('extcommunity-list')) },
          ]);
          this.OR3([
            { ALT: () => (a['type'] = this.CONSUME(K('standard'))) },
            { ALT: () => (a['type'] = this.CONSUME(K('expanded'))) },
            { ALT: () => undefined, IGNORE_AMBIGUITIES: true },
          ]);
          a['name'] = this.CONSUME(Word);
          const e = this.SUBRULE(this.listEntry);
          return { ...extend(e, a, 'community-list') };
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('as-path'));
          this.CONSUME(K('access-list'));
          a['name'] = this.CONSUME2(Word);
          const e = this.SUBRULE2(this.listEntry);
          return { ...extend(e, a, 'as-path-list') };
        },
      },
    ]);
  });

  /** `[seq (0-4294967295)] <deny|permit> VALUE...` */
  private listEntry = this.RULE('listEntry', (): Cmd => {
    const a: Cmd['a'] = {};
    this.OPTION(() => {
      this.CONSUME(K('seq'));
      a['seq'] = this.CONSUME(Word);
    });
    a['action'] = this.OR([{ ALT: () => this.CONSUME(K('permit')) }, { ALT: () => this.CONSUME(K('deny')) }]);
    return cmd('', a, this.SUBRULE(this.words));
  });

  /** `route-map RMAP_NAME <deny|permit> (1-65535)` */
  private routeMap = this.RULE('routeMap', (): Cmd => {
    this.CONSUME(K('route-map'));
    const a: Cmd['a'] = { name: this.CONSUME(Word) };
    a['action'] = this.OR([{ ALT: () => this.CONSUME(K('permit')) }, { ALT: () => this.CONSUME(K('deny')) }]);
    a['seq'] = this.CONSUME2(Word);
    return cmd('route-map', a);
  });

  private bfd = this.RULE('bfd', (): Cmd => {
    this.CONSUME(K('bfd'));
    return cmd('bfd');
  });

  // ------------------------------------------------------------ router bgp node

  routerBgpLine = this.RULE('routerBgpLine', (): Cmd => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.neighbor) },
      { ALT: () => this.SUBRULE(this.bgpCommand) },
      { ALT: () => this.SUBRULE(this.noCommand) },
      { ALT: () => this.SUBRULE(this.timersBgp) },
      { ALT: () => this.SUBRULE(this.addressFamily) },
      { ALT: () => this.SUBRULE(this.afCommand) },
    ]);
  });

  /** `neighbor <A.B.C.D|X:X::X:X|WORD> ...`: session options and address-family options (the latter mean ipv4 unicast here). */
  private neighbor = this.RULE('neighbor', (): Cmd => {
    this.CONSUME(K('neighbor'));
    const id = this.CONSUME(Word);
    const c = this.OR([
      { ALT: () => this.SUBRULE(this.neighborSessionOption) },
      { ALT: () => this.SUBRULE(this.neighborAfOption) },
    ]);
    return extend(c, { id });
  });

  private neighborSessionOption = this.RULE('neighborSessionOption', (): Cmd => {
    return this.OR([
      { ALT: () => cmd('nbr-remote-as', { v: (this.CONSUME(K('remote-as')), this.CONSUME(Word)) }) },
      {
        ALT: () => {
          this.CONSUME(K('peer-group'));
          const g = this.OPTION(() => this.CONSUME2(Word));
          return g ? cmd('nbr-peer-group', { v: g }) : cmd('nbr-peer-group-declare');
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('interface'));
          const a: Cmd['a'] = {};
          this.OPTION2(() => (a['v6only'] = this.CONSUME(K('v6only'))));
          this.OPTION3(() =>
            this.OR2([
              { ALT: () => (a['group'] = (this.CONSUME2(K('peer-group')), this.CONSUME3(Word))) },
              { ALT: () => (a['remoteAs'] = (this.CONSUME2(K('remote-as')), this.CONSUME4(Word))) },
              { ALT: () => (a['ifname'] = this.CONSUME5(Word)), IGNORE_AMBIGUITIES: true },
            ]),
          );
          return cmd('nbr-interface', a);
        },
      },
      { ALT: () => cmd('nbr-description', {}, (this.CONSUME(K('description')), this.SUBRULE(this.words))) },
      { ALT: () => cmd('nbr-update-source', { v: (this.CONSUME(K('update-source')), this.CONSUME6(Word)) }) },
      { ALT: () => cmd('nbr-ebgp-multihop', { v: (this.CONSUME(K('ebgp-multihop')), this.OPTION4(() => this.CONSUME7(Word))) }) },
      {
        ALT: () => {
          this.CONSUME(K('ttl-security'));
          this.CONSUME(K('hops'));
          return cmd('nbr-ttl-security', { v: this.CONSUME8(Word) });
        },
      },
      { ALT: () => cmd('nbr-disable-connected-check', { v: this.CONSUME(K('disable-connected-check')) }) },
      { ALT: () => cmd('nbr-disable-connected-check', { v: this.CONSUME(K('enforce-multihop')) }) },
      { ALT: () => cmd('nbr-password', {}, (this.CONSUME(K('password')), this.SUBRULE2(this.words))) },
      {
        ALT: () => {
          this.CONSUME(K('timers'));
          return this.OR3([
            { ALT: () => cmd('nbr-timers-connect', { v: (this.CONSUME(K('connect')), this.CONSUME9(Word)) }) },
            {
              ALT: () => cmd('nbr-timers', { ka: this.consume(10, Word), hold: this.consume(11, Word) }),
              IGNORE_AMBIGUITIES: true,
            },
          ]);
        },
      },
      { ALT: () => cmd('nbr-passive', { v: this.CONSUME(K('passive')) }) },
      { ALT: () => cmd('nbr-shutdown', {}, (this.CONSUME(K('shutdown')), this.OPTION5(() => this.SUBRULE3(this.words)))) },
      { ALT: () => cmd('nbr-port', { v: (this.CONSUME(K('port')), this.consume(12, Word)) }) },
      {
        ALT: () => {
          this.CONSUME(K('bfd'));
          const a: Cmd['a'] = {};
          this.OPTION6(() =>
            this.OR4([
              { ALT: () => (a['profile'] = (this.CONSUME(K('profile')), this.consume(13, Word))) },
              {
                ALT: () => {
                  a['mult'] = this.consume(14, Word);
                  a['rx'] = this.consume(15, Word);
                  a['tx'] = this.consume(16, Word);
                },
                IGNORE_AMBIGUITIES: true,
              },
            ]),
          );
          return cmd('nbr-bfd', a);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('local-as'));
          const a: Cmd['a'] = { asn: this.consume(17, Word) };
          this.OPTION7(() => {
            a['noPrepend'] = this.CONSUME(K('no-prepend'));
            this.OPTION8(() => (a['replaceAs'] = this.CONSUME(K('replace-as'))));
          });
          return cmd('nbr-local-as', a);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('capability'));
          const v = this.OR5([{ ALT: () => this.CONSUME(K('extended-nexthop')) }, { ALT: () => this.CONSUME(K('dynamic')) }]);
          return cmd('nbr-capability', { v });
        },
      },
      { ALT: () => cmd('nbr-graceful-restart', { v: this.CONSUME(K('graceful-restart')) }) },
      { ALT: () => cmd('nbr-graceful-restart', { v: this.CONSUME(K('graceful-restart-helper')) }) },
      { ALT: () => cmd('nbr-graceful-restart', { v: this.CONSUME(K('graceful-restart-disable')) }) },
      { ALT: () => cmd('nbr-enforce-first-as', { v: this.CONSUME(K('enforce-first-as')) }) },
    ]);
  });

  private neighborAfOption = this.RULE('neighborAfOption', (): Cmd => {
    return this.OR([
      { ALT: () => cmd('nbr-activate', { v: this.CONSUME(K('activate')) }) },
      {
        ALT: () => {
          const kind = this.OR2([
            { ALT: () => this.CONSUME(K('route-map')) },
            { ALT: () => this.CONSUME(K('prefix-list')) },
            { ALT: () => this.CONSUME(K('filter-list')) },
          ]);
          const name = this.CONSUME(Word);
          const dir = this.OR3([{ ALT: () => this.CONSUME(K('in')) }, { ALT: () => this.CONSUME(K('out')) }]);
          return cmd('nbr-filter', { kind, name, dir });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('soft-reconfiguration'));
          return cmd('nbr-soft-reconfiguration', { v: this.CONSUME(K('inbound')) });
        },
      },
      { ALT: () => cmd('nbr-next-hop-self', { v: (this.CONSUME(K('next-hop-self')), this.OPTION(() => this.CONSUME2(Word))) }) },
      { ALT: () => cmd('nbr-route-reflector-client', { v: this.CONSUME(K('route-reflector-client')) }) },
      { ALT: () => cmd('nbr-allowas-in', { v: (this.CONSUME(K('allowas-in')), this.OPTION2(() => this.CONSUME3(Word))) }) },
      { ALT: () => cmd('nbr-maximum-prefix', {}, (this.CONSUME(K('maximum-prefix')), this.SUBRULE(this.words))) },
      { ALT: () => cmd('nbr-maximum-prefix-out', { v: (this.CONSUME(K('maximum-prefix-out')), this.CONSUME4(Word)) }) },
      {
        ALT: () => {
          this.CONSUME(K('default-originate'));
          const a: Cmd['a'] = {};
          this.OPTION3(() => (a['map'] = (this.CONSUME2(K('route-map')), this.CONSUME5(Word))));
          return cmd('nbr-default-originate', a);
        },
      },
      { ALT: () => cmd('nbr-remove-private-as', {}, (this.CONSUME(K('remove-private-AS')), this.OPTION4(() => this.SUBRULE2(this.words)))) },
      { ALT: () => cmd('nbr-addpath-tx-all', { v: this.CONSUME(K('addpath-tx-all-paths')) }) },
      { ALT: () => cmd('nbr-disable-addpath-rx', { v: this.CONSUME(K('disable-addpath-rx')) }) },
    ]);
  });

  /** `bgp ...` commands of the router bgp node. */
  private bgpCommand = this.RULE('bgpCommand', (): Cmd => {
    this.CONSUME(K('bgp'));
    return this.OR([
      { ALT: () => cmd('bgp-router-id', { v: (this.CONSUME(K('router-id')), this.CONSUME(Word)) }) },
      {
        ALT: () => {
          this.CONSUME(K('listen'));
          return this.OR2([
            {
              ALT: () => {
                this.CONSUME(K('range'));
                const prefix = this.CONSUME2(Word);
                this.CONSUME(K('peer-group'));
                return cmd('bgp-listen-range', { prefix, group: this.CONSUME3(Word) });
              },
            },
            { ALT: () => cmd('bgp-listen-limit', { v: (this.CONSUME(K('limit')), this.CONSUME4(Word)) }) },
          ]);
        },
      },
      { ALT: () => cmd('bgp-ebgp-requires-policy', { v: this.CONSUME(K('ebgp-requires-policy')) }) },
      {
        ALT: () => {
          this.CONSUME(K('default'));
          return this.OR3([
            { ALT: () => cmd('bgp-default-afi', { v: this.CONSUME(K('ipv4-unicast')) }) },
            { ALT: () => cmd('bgp-default-afi', { v: this.CONSUME(K('ipv6-unicast')) }) },
            { ALT: () => cmd('bgp-default-local-preference', { v: (this.CONSUME(K('local-preference')), this.CONSUME5(Word)) }) },
            { ALT: () => cmd('bgp-ignored', { v: this.CONSUME(K('show-hostname')) }) },
            { ALT: () => cmd('bgp-ignored', { v: this.CONSUME(K('show-nexthop-hostname')) }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('bestpath'));
          return this.OR4([
            {
              ALT: () => {
                this.CONSUME(K('as-path'));
                return this.OR5([
                  { ALT: () => cmd('bgp-bestpath', { v: this.CONSUME(K('multipath-relax')) }) },
                  { ALT: () => cmd('bgp-bestpath', { v: this.CONSUME(K('ignore')) }) },
                ]);
              },
            },
            { ALT: () => cmd('bgp-bestpath', { v: this.CONSUME(K('compare-routerid')) }) },
            { ALT: () => cmd('bgp-bestpath', { v: (this.CONSUME(K('med')), this.CONSUME(K('missing-as-worst'))) }) },
          ]);
        },
      },
      { ALT: () => cmd('bgp-bestpath', { v: this.CONSUME(K('always-compare-med')) }) },
      { ALT: () => cmd('bgp-bestpath', { v: this.CONSUME(K('deterministic-med')) }) },
      {
        ALT: () => {
          this.CONSUME(K('graceful-restart'));
          const a: Cmd['a'] = {};
          this.OPTION(() =>
            this.OR6([
              { ALT: () => (a['restartTime'] = (this.CONSUME(K('restart-time')), this.CONSUME6(Word))) },
              { ALT: () => (a['staleTime'] = (this.CONSUME(K('stalepath-time')), this.CONSUME7(Word))) },
              { ALT: () => (a['preserve'] = this.CONSUME(K('preserve-fw-state'))) },
            ]),
          );
          return cmd('bgp-graceful-restart', a);
        },
      },
      { ALT: () => cmd('bgp-graceful-restart-disable', { v: this.CONSUME(K('graceful-restart-disable')) }) },
      {
        ALT: () => {
          this.CONSUME(K('long-lived-graceful-restart'));
          this.CONSUME(K('stale-time'));
          return cmd('bgp-llgr', { v: this.CONSUME8(Word) });
        },
      },
      { ALT: () => cmd('bgp-network-import-check', { v: (this.CONSUME(K('network')), this.CONSUME(K('import-check'))) }) },
      { ALT: () => cmd('bgp-cluster-id', { v: (this.CONSUME(K('cluster-id')), this.CONSUME9(Word)) }) },
      { ALT: () => cmd('bgp-ignored', { v: this.CONSUME(K('log-neighbor-changes')) }) },
    ]);
  });

  /** `no ...` forms that change a default. */
  private noCommand = this.RULE('noCommand', (): Cmd => {
    const no = this.CONSUME(K('no'));
    const c = this.OR([
      { ALT: () => this.SUBRULE(this.bgpCommand) },
      {
        ALT: () => {
          this.CONSUME(K('neighbor'));
          const id = this.CONSUME(Word);
          const c = this.OR2([
            { ALT: () => cmd('nbr-activate', { v: this.CONSUME(K('activate')) }) },
            {
              ALT: () => {
                this.CONSUME(K('capability'));
                return cmd('nbr-capability', { v: this.CONSUME(K('extended-nexthop')) });
              },
            },
            { ALT: () => cmd('nbr-enforce-first-as', { v: this.CONSUME(K('enforce-first-as')) }) },
          ]);
          return extend(c, { id });
        },
      },
    ]);
    return extend(c, { no }, `no ${c?.k}`);
  });

  /** `timers bgp (0-65535) (0-65535)` */
  private timersBgp = this.RULE('timersBgp', (): Cmd => {
    this.CONSUME(K('timers'));
    this.CONSUME(K('bgp'));
    return cmd('timers-bgp', { ka: this.CONSUME(Word), hold: this.CONSUME2(Word) });
  });

  /** `address-family <ipv4|ipv6> [<unicast|multicast|vpn|labeled-unicast|flowspec>]`, `l2vpn evpn`, `vpnv4|vpnv6 [unicast]`. */
  private addressFamily = this.RULE('addressFamily', (): Cmd => {
    this.CONSUME(K('address-family'));
    const afi = this.OR([
      { ALT: () => this.CONSUME(K('ipv4')) },
      { ALT: () => this.CONSUME(K('ipv6')) },
      { ALT: () => this.CONSUME(K('l2vpn')) },
      { ALT: () => this.CONSUME(K('vpnv4')) },
      { ALT: () => this.CONSUME(K('vpnv6')) },
    ]);
    const safi = this.OPTION(() =>
      this.OR2([
        { ALT: () => this.CONSUME(K('unicast')) },
        { ALT: () => this.CONSUME(K('multicast')) },
        { ALT: () => this.CONSUME(K('vpn')) },
        { ALT: () => this.CONSUME(K('labeled-unicast')) },
        { ALT: () => this.CONSUME(K('flowspec')) },
        { ALT: () => this.CONSUME(K('evpn')) },
      ]),
    );
    return cmd('address-family', { afi, safi });
  });

  /** Commands of an address-family that FRR also takes at the router level (meaning ipv4 unicast). */
  private afCommand = this.RULE('afCommand', (): Cmd => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(K('network'));
          const a: Cmd['a'] = { prefix: this.CONSUME(Word) };
          this.MANY(() =>
            this.OR2([
              { ALT: () => (a['mask'] = (this.CONSUME(K('mask')), this.CONSUME2(Word))) },
              { ALT: () => (a['map'] = (this.CONSUME(K('route-map')), this.CONSUME3(Word))) },
              { ALT: () => (a['backdoor'] = this.CONSUME(K('backdoor'))) },
            ]),
          );
          return cmd('network', a);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('aggregate-address'));
          const a: Cmd['a'] = { prefix: this.CONSUME4(Word) };
          this.OPTION({ GATE: () => this.LA(1).tokenType === Word, DEF: () => (a['mask'] = this.CONSUME5(Word)) });
          this.MANY2(() =>
            this.OR3([
              { ALT: () => (a['asSet'] = this.CONSUME(K('as-set'))) },
              { ALT: () => (a['summaryOnly'] = this.CONSUME(K('summary-only'))) },
              { ALT: () => (a['map'] = (this.CONSUME2(K('route-map')), this.CONSUME6(Word))) },
            ]),
          );
          return cmd('aggregate-address', a);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('redistribute'));
          const a: Cmd['a'] = { source: this.CONSUME7(Word) };
          this.MANY3(() =>
            this.OR4([
              { ALT: () => (a['metric'] = (this.CONSUME(K('metric')), this.CONSUME8(Word))) },
              { ALT: () => (a['map'] = (this.CONSUME3(K('route-map')), this.CONSUME9(Word))) },
            ]),
          );
          return cmd('redistribute', a);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('maximum-paths'));
          const a: Cmd['a'] = {};
          this.OPTION2(() => (a['ibgp'] = this.CONSUME(K('ibgp'))));
          a['v'] = this.consume(10, Word);
          return cmd('maximum-paths', a);
        },
      },
    ]);
  });

  // ------------------------------------------------------------ address-family node

  addressFamilyLine = this.RULE('addressFamilyLine', (): Cmd => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(K('neighbor'));
          const id = this.CONSUME(Word);
          const c = this.SUBRULE(this.neighborAfOption);
          return extend(c, { id });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('no'));
          this.CONSUME2(K('neighbor'));
          const id = this.CONSUME2(Word);
          const v = this.CONSUME(K('activate'));
          return cmd('no nbr-activate', { id, v, no: v });
        },
      },
      { ALT: () => this.SUBRULE(this.afCommand) },
    ]);
  });

  // ------------------------------------------------------------ route-map node

  routeMapLine = this.RULE('routeMapLine', (): Cmd => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.rmMatch) },
      { ALT: () => this.SUBRULE(this.rmSet) },
      { ALT: () => cmd('rm-call', { v: (this.CONSUME(K('call')), this.CONSUME(Word)) }) },
      {
        ALT: () => {
          this.CONSUME(K('on-match'));
          return this.OR2([
            { ALT: () => cmd('rm-continue', { v: this.CONSUME(K('next')) }) },
            { ALT: () => cmd('rm-continue', { goto: (this.CONSUME(K('goto')), this.CONSUME2(Word)) }) },
          ]);
        },
      },
      { ALT: () => cmd('rm-continue', { v: this.CONSUME(K('continue')), goto: this.CONSUME3(Word) }) },
      { ALT: () => cmd('rm-description', {}, (this.CONSUME(K('description')), this.SUBRULE(this.words))) },
    ]);
  });

  private rmMatch = this.RULE('rmMatch', (): Cmd => {
    this.CONSUME(K('match'));
    return this.OR([
      {
        ALT: () => {
          const afi = this.OR2([{ ALT: () => this.CONSUME(K('ip')) }, { ALT: () => this.CONSUME(K('ipv6')) }]);
          return this.OR3([
            {
              ALT: () => {
                this.CONSUME(K('address'));
                this.CONSUME(K('prefix-list'));
                return cmd('match-prefix-list', { afi, v: this.CONSUME(Word) });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K('next-hop'));
                this.CONSUME2(K('address'));
                return cmd('match-next-hop', { afi, v: this.CONSUME2(Word) });
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          const kind = this.OR4([
            { ALT: () => this.CONSUME(K('community')) },
            { ALT: () => this.CONSUME(K('large-community')) },
          ]);
          const v = this.CONSUME3(Word);
          return cmd('match-community', { kind, v, exact: this.OPTION(() => this.CONSUME(K('exact-match'))) });
        },
      },
      { ALT: () => cmd('match-community', { kind: this.CONSUME(K('extcommunity')), v: this.CONSUME4(Word) }) },
      { ALT: () => cmd('match-as-path', { v: (this.CONSUME(K('as-path')), this.CONSUME5(Word)) }) },
      { ALT: () => cmd('match-peer', { v: (this.CONSUME(K('peer')), this.CONSUME6(Word)) }) },
      { ALT: () => cmd('match-source-protocol', { v: (this.CONSUME(K('source-protocol')), this.CONSUME7(Word)) }) },
      { ALT: () => cmd('match-number', { kind: this.CONSUME(K('local-preference')), v: this.CONSUME8(Word) }) },
      { ALT: () => cmd('match-number', { kind: this.CONSUME(K('metric')), v: this.CONSUME9(Word) }) },
      { ALT: () => cmd('match-number', { kind: this.CONSUME(K('tag')), v: this.consume(10, Word) }) },
    ]);
  });

  private rmSet = this.RULE('rmSet', (): Cmd => {
    this.CONSUME(K('set'));
    return this.OR([
      { ALT: () => cmd('set-number', { kind: this.CONSUME(K('local-preference')), v: this.CONSUME(Word) }) },
      { ALT: () => cmd('set-number', { kind: this.CONSUME(K('metric')), v: this.CONSUME2(Word) }) },
      { ALT: () => cmd('set-number', { kind: this.CONSUME(K('weight')), v: this.CONSUME3(Word) }) },
      { ALT: () => cmd('set-number', { kind: this.CONSUME(K('tag')), v: this.CONSUME4(Word) }) },
      { ALT: () => cmd('set-origin', { v: (this.CONSUME(K('origin')), this.CONSUME5(Word)) }) },
      {
        ALT: () => {
          const kind = this.OR2([
            { ALT: () => this.CONSUME(K('community')) },
            { ALT: () => this.CONSUME(K('large-community')) },
          ]);
          return cmd('set-community', { kind }, this.SUBRULE(this.words));
        },
      },
      {
        ALT: () => {
          const kind = this.OR3([
            { ALT: () => this.CONSUME(K('comm-list')) },
            { ALT: () => this.CONSUME(K('large-comm-list')) },
          ]);
          const v = this.CONSUME6(Word);
          this.CONSUME(K('delete'));
          return cmd('set-comm-list-delete', { kind, v });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K('as-path'));
          this.CONSUME(K('prepend'));
          return this.OR4([
            { ALT: () => cmd('set-prepend', { last: this.CONSUME(K('last-as')), v: this.CONSUME7(Word) }) },
            { ALT: () => cmd('set-prepend', {}, this.SUBRULE2(this.words)), IGNORE_AMBIGUITIES: true },
          ]);
        },
      },
      {
        ALT: () => {
          const afi = this.OR5([{ ALT: () => this.CONSUME(K('ip')) }, { ALT: () => this.CONSUME(K('ipv6')) }]);
          this.CONSUME(K('next-hop'));
          const a: Cmd['a'] = { afi };
          this.OPTION(() => (a['global'] = this.CONSUME(K('global'))));
          a['v'] = this.CONSUME8(Word);
          return cmd('set-next-hop', a);
        },
      },
    ]);
  });

  // ------------------------------------------------------------ bfd nodes

  bfdLine = this.RULE('bfdLine', (): Cmd => {
    return this.OR([
      { ALT: () => cmd('bfd-profile', { v: (this.CONSUME(K('profile')), this.CONSUME(Word)) }) },
      { ALT: () => cmd('bfd-peer', {}, (this.CONSUME(K('peer')), this.SUBRULE(this.words))) },
    ]);
  });

  bfdProfileLine = this.RULE('bfdProfileLine', (): Cmd => {
    return this.OR([
      { ALT: () => cmd('bfdp-number', { kind: this.CONSUME(K('detect-multiplier')), v: this.CONSUME(Word) }) },
      { ALT: () => cmd('bfdp-number', { kind: this.CONSUME(K('transmit-interval')), v: this.CONSUME2(Word) }) },
      { ALT: () => cmd('bfdp-number', { kind: this.CONSUME(K('receive-interval')), v: this.CONSUME3(Word) }) },
      { ALT: () => cmd('bfdp-number', { kind: this.CONSUME(K('echo-interval')), v: this.CONSUME4(Word) }) },
      { ALT: () => cmd('bfdp-number', { kind: this.CONSUME(K('minimum-ttl')), v: this.CONSUME5(Word) }) },
      {
        ALT: () => {
          this.CONSUME(K('echo'));
          const kind = this.OR2([
            { ALT: () => this.CONSUME2(K('receive-interval')) },
            { ALT: () => this.CONSUME2(K('transmit-interval')) },
          ]);
          return cmd('bfdp-echo', { kind, v: this.CONSUME6(Word) });
        },
      },
      {
        ALT: () => {
          const no = this.OPTION(() => this.CONSUME(K('no')));
          const kind = this.OR3([
            { ALT: () => this.CONSUME(K('echo-mode')) },
            { ALT: () => this.CONSUME(K('passive-mode')) },
          ]);
          return cmd('bfdp-flag', { kind, no });
        },
      },
    ]);
  });
}

/**
 * Cheap failures. The reader tries a line in the current node and then in
 * the enclosing ones, so failing is the normal way to leave a block; the
 * default chevrotain errors compute every expected path for their message,
 * which costs about a millisecond per failure. The reader only needs to know
 * that the line failed.
 */
type ErrorRaising = {
  raiseNoAltException(this: FrrParser): never;
  raiseEarlyExitException(this: FrrParser): never;
  SAVE_ERROR(e: Error): Error;
};
const proto = FrrParser.prototype as unknown as ErrorRaising;
proto.raiseNoAltException = function (this: FrrParser): never {
  throw (this as unknown as ErrorRaising).SAVE_ERROR(new NoViableAltException('not a command of this node', this.LA(1), this.LA(0)));
};
proto.raiseEarlyExitException = function (this: FrrParser): never {
  throw (this as unknown as ErrorRaising).SAVE_ERROR(new EarlyExitException('a value is missing', this.LA(1), this.LA(0)));
};

/** The single parser instance (chevrotain parsers are costly to build, cheap to reuse). */
let instance: FrrParser | undefined;
export function frrParser(): FrrParser {
  instance ??= new FrrParser();
  return instance;
}
