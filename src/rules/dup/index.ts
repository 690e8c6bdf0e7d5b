import type { Rule } from '../../types.js';
import { nearDuplicate } from './near-duplicate.js';

export const dupRules: Rule[] = [nearDuplicate];
