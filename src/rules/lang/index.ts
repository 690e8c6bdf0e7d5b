import type { Rule } from '../../types.js';

export const langRules: Rule[] = [];
