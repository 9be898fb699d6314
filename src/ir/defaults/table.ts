/**
 * The shape of a defaults table: what a daemon (or a Kubernetes wrapper around
 * one) does when the config does not say. Every value names its source, so a
 * reader can check it (docs/defaults.md lists them side by side).
 */
import type { Family } from '../schema.js';

export interface Sourced<T> {
  value: T;
  /** Where the value comes from: a doc section, a source file and constant, or a local verification. */
  source: string;
}

export type FamilyActivation =
  /** FRR `bgp default ipv4-unicast`: IPv4 unicast active for every neighbor, others only when activated. */
  | 'ipv4-unicast-always'
  /** BIRD: only declared channels; FRR with `no bgp default ipv4-unicast`: only activated families. */
  | 'declared-only'
  /** GoBGP: without afi-safis, the family of the neighbor address. */
  | 'by-address';

export interface DefaultsTable {
  /** Human name, e.g. "FRR 8.4 traditional". */
  name: string;
  holdTime: Sourced<number>;
  keepalive: Sourced<number>;
  /** Keepalive when only the hold time is set: hold / 3 in every daemon that derives it. */
  keepaliveFromHold: Sourced<boolean>;
  connectRetry: Sourced<number>;
  ebgpRequiresPolicy: Sourced<boolean>;
  familyActivation: Sourced<FamilyActivation>;
  /** Import/export of a session that names no policy at all. */
  unfilteredEbgp: Sourced<{ import: 'accept' | 'reject'; export: 'accept' | 'reject' }>;
  unfilteredIbgp: Sourced<{ import: 'accept' | 'reject'; export: 'accept' | 'reject' }>;
  /** TTL used when eBGP multihop is enabled without a value. */
  multihopTtl: Sourced<number>;
  passive: Sourced<boolean>;
  port: Sourced<number>;
  listen: Sourced<{ enabled: boolean; port: number }>;
  gracefulRestart: Sourced<{ mode: 'full' | 'helper-only' | 'disabled'; restartTime: number }>;
  localPref: Sourced<number>;
  bfd: Sourced<{ receiveIntervalUs: number; transmitIntervalUs: number; detectMultiplier: number }>;
  /** Families a speaker enables when it lists none itself. */
  families?: Sourced<Family[]>;
  /** Most dynamic (listen-range) neighbors accepted, where the daemon limits them. */
  listenLimit?: Sourced<number>;
  /** The speaker's AS when the config gives none (only where the project documents one). */
  asn?: Sourced<number>;
}
