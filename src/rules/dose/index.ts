import type { Rule } from '../../types.js';

export const doseRules: Rule[] = [];
