/** Picks the defaults table for a speaker's dialect; `undefined` = unknown, nothing is defaulted. */
import type { Dialect } from '../schema.js';
import { birdDefaults } from './bird.js';
import { frrDefaults } from './frr.js';
import { gobgpDefaults } from './gobgp.js';
import { calicoDefaults, ciliumDefaults, frrK8sDefaults, metallbDefaults, purelbDefaults } from './k8s.js';
import type { DefaultsTable } from './table.js';

export type { DefaultsTable, Sourced, FamilyActivation } from './table.js';

export function defaultsFor(dialect: Dialect | undefined): DefaultsTable | undefined {
  switch (dialect?.format) {
    case 'frr':
      return frrDefaults(dialect.profile, dialect.version);
    case 'bird':
      return birdDefaults(2);
    case 'bird1':
      return birdDefaults(1);
    case 'gobgp':
    case 'loxilb':
      return gobgpDefaults();
    case 'metallb':
      return metallbDefaults();
    case 'frr-k8s':
      return frrK8sDefaults();
    case 'cilium':
      return ciliumDefaults();
    case 'calico':
      return calicoDefaults();
    case 'purelb':
      return purelbDefaults();
    default:
      return undefined;
  }
}
