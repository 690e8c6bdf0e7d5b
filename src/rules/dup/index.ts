import type { Rule } from '../../types.js';

export const dupRules: Rule[] = [];
