import type { DirectiveRule } from '../../suppress.js';
import { unclosed } from './unclosed.js';
import { unknown } from './unknown.js';
import { unused } from './unused.js';

/** Rules run where the directives are applied (see src/suppress.ts); they read a DirectiveRun. */
export const directiveRules: DirectiveRule[] = [unknown, unused, unclosed];
