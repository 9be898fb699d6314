/** Alphabetical rule registry (typescript-eslint src/rules/index.ts). */
import type { LintRule } from '../rule.js';
import { advertisementSelectsNothing } from './advertisement-selects-nothing.js';
import { afMismatch } from './af-mismatch.js';
import { afNotActivated } from './af-not-activated.js';
import { aggregationTooShort } from './aggregation-too-short.js';
import { asn4Unrepresentable } from './asn4-unrepresentable.js';
import { asnMismatch } from './asn-mismatch.js';
import { bfdOneSided } from './bfd-one-sided.js';
import { bfdProfileConflict } from './bfd-profile-conflict.js';
import { bfdTimerMismatch } from './bfd-timer-mismatch.js';
import { bothPassive } from './both-passive.js';
import { ebgpNoPolicy } from './ebgp-no-policy.js';
import { grAsymmetric } from './gr-asymmetric.js';
import { holdTimeInvalid } from './hold-time-invalid.js';
import { holdTimeMismatch } from './hold-time-mismatch.js';
import { ibgpEbgpMismatch } from './ibgp-ebgp-mismatch.js';
import { implicitAcceptAll } from './implicit-accept-all.js';
import { listenLimitExceeded } from './listen-limit-exceeded.js';
import { listenRangeMiss } from './listen-range-miss.js';
import { md5OneSided } from './md5-one-sided.js';
import { multihopIgnored } from './multihop-ignored.js';
import { multihopRequired } from './multihop-required.js';
import { noListener } from './no-listener.js';
import { nodeSelectorEmpty } from './node-selector-empty.js';
import { peerNotConfigured } from './peer-not-configured.js';
import { peerPortMismatch } from './peer-port-mismatch.js';
import { poolNotAdvertised } from './pool-not-advertised.js';
import { poolOverlap } from './pool-overlap.js';
import { privateOrReservedAsn } from './private-or-reserved-asn.js';
import { routerIdDuplicate } from './router-id-duplicate.js';
import { routerIdInvalid } from './router-id-invalid.js';
import { silentDefaultDrift } from './silent-default-drift.js';
import { sourceAddressMismatch } from './source-address-mismatch.js';
import { undefinedReference } from './undefined-reference.js';
import { unusedStructure } from './unused-structure.js';

export const rules: readonly LintRule[] = [
  advertisementSelectsNothing,
  afMismatch,
  afNotActivated,
  aggregationTooShort,
  asn4Unrepresentable,
  asnMismatch,
  bfdOneSided,
  bfdProfileConflict,
  bfdTimerMismatch,
  bothPassive,
  ebgpNoPolicy,
  grAsymmetric,
  holdTimeInvalid,
  holdTimeMismatch,
  ibgpEbgpMismatch,
  implicitAcceptAll,
  listenLimitExceeded,
  listenRangeMiss,
  md5OneSided,
  multihopIgnored,
  multihopRequired,
  noListener,
  nodeSelectorEmpty,
  peerNotConfigured,
  peerPortMismatch,
  poolNotAdvertised,
  poolOverlap,
  privateOrReservedAsn,
  routerIdDuplicate,
  routerIdInvalid,
  silentDefaultDrift,
  sourceAddressMismatch,
  undefinedReference,
  unusedStructure,
];
