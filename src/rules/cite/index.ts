import type { Rule } from '../../types.js';

export const citeRules: Rule[] = [];
