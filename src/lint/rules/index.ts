/** Alphabetical rule registry (typescript-eslint src/rules/index.ts). */
import type { LintRule } from '../rule.js';
import { holdTimeInvalid } from './hold-time-invalid.js';
import { undefinedReference } from './undefined-reference.js';

export const rules: readonly LintRule[] = [holdTimeInvalid, undefinedReference];
